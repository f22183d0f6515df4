-- Authority is a daily budget (工作权限, 指定额度): points get limits like money, and what each staff member
-- has used of their authority is counted per property service day and operation. Append-only: never edit a
-- file that has shipped.

-- Points limits per role and operation; null = the role's default (shared/domain/authority.ts), as a missing row is.
alter table authority_limits add column topup_points integer check (topup_points >= 0);
alter table authority_limits add column redeem_points integer check (redeem_points >= 0);
alter table authority_limits add column adjust_points integer check (adjust_points >= 0);

-- One row per staff member, service day (YYYY-MM-DD in properties.time_zone) and operation: the money (minor
-- units) and points moved on their own authority or approved by them, by magnitude. A balance change locks
-- its row (select … for update) before comparing it with the limit, so two tablets of one staff member
-- pushing at once are counted one after the other. Managers, who have no limit, are not counted.
create table authority_usage (
  property_id uuid not null references properties(id),
  staff_id text not null references staff(id),
  service_day text not null check (service_day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  operation text not null check (operation in ('topup', 'redeem', 'adjust')),
  money_minor integer not null default 0 check (money_minor >= 0),
  points integer not null default 0 check (points >= 0),
  updated_at timestamptz not null default now(),
  primary key (staff_id, service_day, operation)
);
