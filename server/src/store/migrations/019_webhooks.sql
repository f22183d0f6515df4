-- Outgoing webhooks (shared/protocol/webhooks.ts; server/src/webhooks/): endpoints a manager registers, and the durable
-- outbox of deliveries, written in the same transaction as the event that causes them. Append-only: never edit a file
-- that has shipped.
create table webhook_endpoints (
  id uuid primary key,
  property_id uuid not null references properties (id),
  url text not null,
  description text not null,
  event_types text[] not null,
  guest_fields text[] not null default '{}',
  secret text not null,
  previous_secret text,
  rotated_at timestamptz,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create index webhook_endpoints_property on webhook_endpoints (property_id) where active;

-- id is the `webhook-id` the receiver sees (uuid v7); seq orders deliveries per endpoint and entity.
-- status: pending | delivered | failed. A claimed row's next_attempt_at is pushed ahead (a lease), so a row an
-- instance claimed and then lost (a crash) becomes due again.
create table webhook_deliveries (
  id uuid primary key,
  seq bigint generated always as identity,
  endpoint_id uuid not null references webhook_endpoints (id),
  event_type text not null,
  entity_id text not null,
  payload jsonb not null,
  status text not null default 'pending',
  attempts integer not null default 0,
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  last_result text,
  created_at timestamptz not null default now()
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at, seq) where status = 'pending';
create index webhook_deliveries_entity on webhook_deliveries (endpoint_id, entity_id, seq) where status = 'pending';
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at desc);

-- States the webhook sweep has announced (a luggage item overdue, a kiosk offline or its storage full): a row is
-- written with the deliveries when the state begins and removed when it ends, so each transition is sent once.
create table webhook_marks (
  property_id uuid not null references properties (id),
  kind text not null,
  subject_id text not null,
  at timestamptz not null default now(),
  primary key (property_id, kind, subject_id)
);
