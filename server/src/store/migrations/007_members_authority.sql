-- Members, balances and authority (工作权限): limits per role, approvals above them, and on every
-- ledger entry who asked, who approved and from which tablet. Append-only: never edit a file that has shipped.
create table authority_limits (
  property_id uuid not null references properties(id),
  role text not null check (role in ('agent', 'supervisor')), -- a manager has no limit
  topup_minor integer not null check (topup_minor >= 0),
  redeem_minor integer not null check (redeem_minor >= 0),
  adjust_minor integer not null check (adjust_minor >= 0),
  updated_by text references staff(id),
  updated_at timestamptz not null default now(),
  primary key (property_id, role)
);

create table approvals (
  id uuid primary key,
  property_id uuid not null references properties(id),
  kind text not null check (kind in ('member.balance')),
  member_id uuid not null references members(id),
  payload jsonb not null,
  requested_by text not null references staff(id),
  requested_at timestamptz not null,
  request_device_id uuid,
  status text not null default 'pending' check (status in ('pending', 'approved', 'declined')),
  decided_by text references staff(id),
  decided_at timestamptz,
  note text,
  rev integer not null default 1,
  check ((status = 'pending') = (decided_by is null)),
  check (decided_by is null or decided_by <> requested_by)
);
create index approvals_by_status on approvals (property_id, status, requested_at);
create index approvals_by_member on approvals (member_id, requested_at desc);

alter table members add column rev integer not null default 1;
alter table member_ledger add column approved_by text references staff(id);
alter table member_ledger add column device_id uuid;
alter table member_ledger add column approval_id uuid references approvals(id);

-- The balance ledger is append-only, as the custody log is (006).
create trigger member_ledger_append_only before update or delete on member_ledger
  for each row execute function lobbydesk_refuse_change();
create trigger member_ledger_no_truncate before truncate on member_ledger
  for each statement execute function lobbydesk_refuse_change();
