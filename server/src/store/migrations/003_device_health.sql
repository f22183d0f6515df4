-- Device health from heartbeats, and an audit log for staff actions that are not sync events.
-- Append-only: never edit a file that has shipped.
alter table devices add column app_version text;
alter table devices add column outbox_depth integer;
alter table devices add column rejected_count integer;
alter table devices add column storage_persisted boolean;
alter table devices add column storage_usage double precision; -- bytes; double, so both drivers read a number
alter table devices add column storage_quota double precision;
alter table devices add column last_sync_at timestamptz; -- device clock
alter table devices add column health_at timestamptz; -- server clock of the last heartbeat

-- Staff actions on things outside the request feed (the events table feeds clients; this one only records).
create table audit_log (
  id bigint generated always as identity primary key,
  property_id uuid not null references properties(id),
  at timestamptz not null default now(),
  staff_id text references staff(id),
  action text not null,
  subject_id text not null,
  details jsonb not null default '{}'::jsonb
);
create index audit_log_property_at on audit_log (property_id, at);
