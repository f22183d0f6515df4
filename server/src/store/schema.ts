import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

/** Kysely's view of the tables in migrations/. */
export interface DB {
  properties: {
    id: string;
    name: string;
    time_zone: string;
    version: Generated<number>;
    created_at: CreatedAt;
    /** JSON array of locales, e.g. ["zh-Hans","en"] (migration 015). */
    wall_languages: ColumnType<unknown, string | undefined, string>;
  };
  staff: { id: string; property_id: string; name: string; role: string; pin_hash: string; active: Generated<boolean>; created_at: CreatedAt };
  sessions: { token_hash: string; staff_id: string; property_id: string; created_at: CreatedAt; expires_at: Timestamp; revoked_at: Timestamp | null };
  devices: {
    id: string;
    property_id: string;
    kind: string;
    name: string;
    letter: string | null;
    token_hash: string | null;
    staff_id: string | null;
    last_seq: Generated<number>;
    created_at: CreatedAt;
    last_seen_at: Timestamp | null;
    revoked_at: Timestamp | null;
    // 003_device_health: the last heartbeat
    app_version: ColumnType<string | null, string | null | undefined, string | null>;
    outbox_depth: ColumnType<number | null, number | null | undefined, number | null>;
    rejected_count: ColumnType<number | null, number | null | undefined, number | null>;
    storage_persisted: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
    storage_usage: ColumnType<number | null, number | null | undefined, number | null>;
    storage_quota: ColumnType<number | null, number | null | undefined, number | null>;
    last_sync_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    health_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    // 008_device_storage_error: the device's storage refuses writes
    storage_error: ColumnType<'quota' | 'failed' | null, 'quota' | 'failed' | null | undefined, 'quota' | 'failed' | null>;
    storage_error_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  };
  pairing_codes: {
    code_hash: string;
    property_id: string;
    kind: string;
    name: string;
    created_by: string;
    created_at: CreatedAt;
    expires_at: Timestamp;
    used_at: Timestamp | null;
    device_id: string | null;
  };
  commands: {
    device_id: string;
    seq: number;
    command_id: string;
    type: string;
    outcome: 'applied' | 'rejected';
    result: Json | null;
    error_code: string | null;
    error_message: string | null;
    client_created_at: Timestamp;
    received_at: CreatedAt;
  };
  members: {
    id: string;
    property_id: string;
    name: string;
    tier: string;
    balance_minor: number;
    points: number;
    card_version: Generated<number>;
    created_at: CreatedAt;
    // 002_cards
    card_id: Generated<string>;
    // 007_members_authority
    rev: Generated<number>;
  };
  member_ledger: {
    id: string;
    member_id: string;
    kind: 'topup' | 'redeem' | 'adjust' | 'earn';
    amount_minor: number;
    points: number;
    reason: string | null;
    staff_id: string | null;
    at: Timestamp;
    // 007_members_authority
    approved_by: ColumnType<string | null, string | null | undefined, never>;
    device_id: ColumnType<string | null, string | null | undefined, never>;
    approval_id: ColumnType<string | null, string | null | undefined, never>;
  };
  // 007_members_authority: limits per role (a manager has none) and balance changes waiting for approval.
  authority_limits: {
    property_id: string;
    role: 'agent' | 'supervisor';
    topup_minor: number;
    redeem_minor: number;
    adjust_minor: number;
    updated_by: string | null;
    updated_at: Timestamp;
    // 013_authority_budget: points limits (null = the role's default)
    topup_points: ColumnType<number | null, number | null | undefined, number | null>;
    redeem_points: ColumnType<number | null, number | null | undefined, number | null>;
    adjust_points: ColumnType<number | null, number | null | undefined, number | null>;
  };
  // 013_authority_budget: what each staff member used of their authority per service day and operation.
  authority_usage: {
    property_id: string;
    staff_id: string;
    service_day: string;
    operation: 'topup' | 'redeem' | 'adjust';
    money_minor: Generated<number>;
    points: Generated<number>;
    updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  };
  approvals: {
    id: string;
    property_id: string;
    kind: 'member.balance';
    member_id: string;
    payload: Json;
    requested_by: string;
    requested_at: Timestamp;
    request_device_id: string | null;
    status: 'pending' | 'approved' | 'declined';
    decided_by: string | null;
    decided_at: Timestamp | null;
    note: string | null;
    rev: number;
  };
  service_requests: {
    id: string;
    property_id: string;
    kind: string;
    ticket: string;
    service_day: string;
    status: string;
    reason: string | null;
    guest_name: string | null;
    room: string | null;
    note: string | null;
    details: ColumnType<unknown, string | null, string | null>;
    device_id: string;
    desk: string | null;
    department: ColumnType<string | null, string | null | undefined, string | null>;
    transfer_note: ColumnType<string | null, string | null | undefined, string | null>;
    // 010_request_member: the member whose verified card came with the request (staff only)
    member_id: ColumnType<string | null, string | null | undefined, never>;
    // 017_wait_quotes: the wait the kiosk showed the guest (seconds, as shown); set once, at creation
    quoted_wait_low_s: ColumnType<number | null, number | null | undefined, never>;
    quoted_wait_high_s: ColumnType<number | null, number | null | undefined, never>;
    assigned_staff_id: string | null;
    assigned_staff_name: string | null;
    created_at: Timestamp;
    client_created_at: Timestamp;
    clock_skew_ms: number;
    called_at: Timestamp | null;
    completed_at: Timestamp | null;
    updated_at: Timestamp;
    rev: number;
  };
  events: {
    property_id: string;
    version: number;
    type: string;
    entity_id: string;
    subject_device_id: string | null;
    actor_staff_id: string | null;
    origin_device_id: string | null;
    data: Json;
    at: CreatedAt;
  };
  audit_log: { id: Generated<string>; property_id: string; at: CreatedAt; staff_id: string | null; action: string; subject_id: string; details: Json };
  feedback: {
    id: string;
    property_id: string;
    device_id: string;
    rating: number;
    categories: string[];
    comment: string | null;
    complaint: boolean;
    contact_consent: boolean;
    contact: string | null;
    guest_name: string | null;
    room: string | null;
    request_id: string | null;
    created_at: Timestamp;
    client_created_at: Timestamp;
  };
  issues: {
    id: string;
    property_id: string;
    source: string;
    severity: string;
    status: string;
    categories: string[];
    summary: string;
    rating: number | null;
    guest_name: string | null;
    room: string | null;
    contact: string | null;
    contact_consent: boolean;
    feedback_id: string | null;
    request_id: string | null;
    owner_staff_id: string | null;
    owner_staff_name: string | null;
    acknowledge_by: Timestamp;
    resolve_by: Timestamp;
    created_at: Timestamp;
    updated_at: Timestamp;
    rev: number;
    // 005_issue_board
    departments: Generated<string[]>;
    escalation_level: Generated<number>;
    escalated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    paused_ms: Generated<number>;
    waiting_since: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    resolved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    follow_up: ColumnType<unknown, string | null | undefined, string | null>;
    satisfied: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
    notes_count: Generated<number>;
    // 016_complaint_reference
    reference: ColumnType<string | null, string | null | undefined, string | null>;
    reference_letter: ColumnType<string | null, string | null | undefined, string | null>;
    reference_no: ColumnType<number | null, number | null | undefined, number | null>;
  };
  // 005_issue_board
  issue_notes: {
    id: string;
    issue_id: string;
    property_id: string;
    kind: 'note' | 'handover';
    staff_id: string;
    staff_name: string;
    text: string;
    to_staff_id: string | null;
    to_staff_name: string | null;
    at: Timestamp;
  };
  // 006_luggage_ledger
  luggage_items: {
    id: string;
    property_id: string;
    claim_code: string;
    ticket: string | null;
    request_id: string | null;
    bags: number;
    tags: string[];
    location: string;
    guest_name: string | null;
    room: string | null;
    notes: string | null;
    expected_pickup_at: Timestamp | null;
    status: string;
    lost_claim: ColumnType<unknown, string | null, string | null>;
    released_at: Timestamp | null;
    released_by: string | null;
    approved_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    rev: number;
  };
  /** Append-only: insert and select, never update or delete (a trigger refuses both). */
  luggage_custody: {
    id: string;
    item_id: string;
    property_id: string;
    at: Timestamp;
    staff_id: string;
    staff_name: string;
    action: string;
    location: string;
    note: string | null;
  };
  // 011_auth_attempts: login / card-code attempt counters shared by every instance (server/src/auth/attempts.repo.ts)
  auth_attempts: { scope: string; key: string; count: number; window_ends: Timestamp; locked_until: Timestamp | null };
  // 014_sign_in: tablets trusted to sign a staff member in (server/src/staff/trusted-device.ts)
  trusted_devices: { token_hash: string; staff_id: string; created_at: CreatedAt; last_used_at: Generated<Date>; expires_at: Timestamp };
  // 018_services: the service catalog, one row per property and code (server/src/services/)
  services: {
    property_id: string;
    code: string;
    names: Json;
    icon: string;
    department: string;
    fields: Json;
    call_on_wall: boolean;
    retired: boolean;
    position: number;
    updated_at: Timestamp;
    rev: number;
  };
  // 019_webhooks: endpoints, the delivery outbox and the sweep's marks (server/src/webhooks/)
  webhook_endpoints: {
    id: string;
    property_id: string;
    url: string;
    description: string;
    event_types: string[];
    guest_fields: string[];
    secret: string;
    previous_secret: string | null;
    rotated_at: Timestamp | null;
    active: Generated<boolean>;
    created_at: CreatedAt;
  };
  webhook_deliveries: {
    id: string;
    seq: Generated<string>;
    endpoint_id: string;
    event_type: string;
    entity_id: string;
    payload: Json;
    status: Generated<string>;
    attempts: Generated<number>;
    next_attempt_at: Timestamp | null;
    last_attempt_at: Timestamp | null;
    last_result: string | null;
    created_at: CreatedAt;
  };
  webhook_marks: { property_id: string; kind: string; subject_id: string; at: CreatedAt };
  // 020_follow: a guest's phone follows a ticket by a token whose SHA-256 (hex) is kept here (server/src/follow/)
  follow_tokens: { token_hash: string; request_id: string; property_id: string; language: string; created_at: CreatedAt };
  schema_migrations: { name: string; applied_at: CreatedAt };
}
