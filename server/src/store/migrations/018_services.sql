-- The service catalog (issue #12, shared/domain/service.ts; server/src/services/): the hotel's own services, data a
-- manager edits on the tablet. Append-only: never edit a file that has shipped.
-- code: stable per property (ServiceCode); names: {"en","zh-Hans","zh-Hant"}; fields: {"room","neededAt","count","note"}
-- each "off" | "optional" | "required"; department: one of shared/domain/issue.ts DEPARTMENTS. A service is never deleted:
-- `retired` takes it off the kiosks and keeps it for the labels of old tickets and for reports.
create table services (
  property_id uuid not null references properties (id),
  code text not null,
  names jsonb not null,
  icon text not null,
  department text not null,
  fields jsonb not null,
  call_on_wall boolean not null default true,
  retired boolean not null default false,
  position integer not null,
  updated_at timestamptz not null default now(),
  rev integer not null default 1,
  primary key (property_id, code)
);
