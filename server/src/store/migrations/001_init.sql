-- lobbydesk schema v1. Migrations are append-only: never edit a file that has shipped.
create table properties (
  id uuid primary key,
  name text not null,
  time_zone text not null,
  version integer not null default 0, -- gap-free event cursor, bumped inside each write transaction
  created_at timestamptz not null default now()
);

create table staff (
  id text primary key, -- the login id staff type, e.g. "agent1"
  property_id uuid not null references properties(id),
  name text not null,
  role text not null check (role in ('agent', 'supervisor', 'manager')),
  pin_hash text not null,
  active boolean not null default true,
  created_at timestamptz not null default now()
);

create table sessions (
  token_hash text primary key,
  staff_id text not null references staff(id),
  property_id uuid not null references properties(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);

create table devices (
  id uuid primary key,
  property_id uuid not null references properties(id),
  kind text not null check (kind in ('kiosk', 'wall', 'tablet')),
  name text not null,
  letter text,
  token_hash text unique,
  staff_id text references staff(id),
  last_seq integer not null default 0,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz,
  revoked_at timestamptz
);
create unique index devices_letter_per_property on devices (property_id, letter) where letter is not null;

create table pairing_codes (
  code_hash text primary key,
  property_id uuid not null references properties(id),
  kind text not null check (kind in ('kiosk', 'wall')),
  name text not null,
  created_by text not null references staff(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  device_id uuid references devices(id)
);

-- Every command a device sent, once, with the result it was answered with.
create table commands (
  device_id uuid not null references devices(id),
  seq integer not null,
  command_id uuid not null unique,
  type text not null,
  outcome text not null check (outcome in ('applied', 'rejected')),
  result jsonb,
  error_code text,
  error_message text,
  client_created_at timestamptz not null,
  received_at timestamptz not null default now(),
  primary key (device_id, seq)
);

create table members (
  id uuid primary key,
  property_id uuid not null references properties(id),
  name text not null,
  tier text not null check (tier in ('classic', 'silver', 'gold', 'platinum')),
  balance_minor integer not null default 0 check (balance_minor >= 0),
  points integer not null default 0 check (points >= 0),
  card_version integer not null default 1,
  created_at timestamptz not null default now()
);

create table service_requests (
  id uuid primary key,
  property_id uuid not null references properties(id),
  kind text not null,
  ticket text not null,
  service_day text not null,
  status text not null,
  reason text,
  guest_name text,
  room text,
  note text,
  device_id uuid not null references devices(id),
  desk text,
  assigned_staff_id text references staff(id),
  assigned_staff_name text,
  created_at timestamptz not null,
  client_created_at timestamptz not null,
  clock_skew_ms integer not null default 0,
  called_at timestamptz,
  completed_at timestamptz,
  updated_at timestamptz not null,
  rev integer not null default 1
);
create unique index service_requests_ticket_per_day on service_requests (property_id, service_day, ticket);
create index service_requests_active on service_requests (property_id, status);

-- The audit trail and the sync feed: one row per state change, never updated.
create table events (
  property_id uuid not null references properties(id),
  version integer not null,
  type text not null,
  entity_id uuid not null,
  subject_device_id uuid, -- the kiosk a request came from: kiosks only pull their own
  actor_staff_id text,
  origin_device_id uuid,
  data jsonb not null,
  at timestamptz not null default now(),
  primary key (property_id, version)
);
create index events_subject on events (property_id, subject_device_id, version);
