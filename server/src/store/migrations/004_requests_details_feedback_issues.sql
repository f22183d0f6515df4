-- Luggage and shoe-care details on requests; guest feedback; the pending-issue board (投诉台帐).
alter table service_requests add column details jsonb;
create index service_requests_claim_code on service_requests ((details ->> 'claimCode')) where details ? 'claimCode';

create table feedback (
  id uuid primary key,
  property_id uuid not null references properties(id),
  device_id uuid not null references devices(id),
  rating integer not null check (rating between 1 and 5),
  categories text[] not null default '{}',
  comment text,
  complaint boolean not null default false,
  contact_consent boolean not null default false,
  contact text,
  guest_name text,
  room text,
  request_id uuid references service_requests(id),
  created_at timestamptz not null,
  client_created_at timestamptz not null
);
create index feedback_by_time on feedback (property_id, created_at);

create table issues (
  id uuid primary key,
  property_id uuid not null references properties(id),
  source text not null check (source in ('kiosk_feedback', 'staff')),
  severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
  status text not null,
  categories text[] not null default '{}',
  summary text not null,
  rating integer,
  guest_name text,
  room text,
  contact text,
  contact_consent boolean not null default false,
  feedback_id uuid references feedback(id),
  request_id uuid references service_requests(id),
  owner_staff_id text references staff(id),
  owner_staff_name text,
  acknowledge_by timestamptz not null,
  resolve_by timestamptz not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  rev integer not null default 1
);
create index issues_open on issues (property_id, status);
