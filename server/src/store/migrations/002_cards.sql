-- Member cards: a stable card id (printed in the signed QR token and the typed code) and the balance ledger.
-- Append-only: never edit a file that has shipped.
alter table members add column card_id uuid not null unique default gen_random_uuid();

create table member_ledger (
  id uuid primary key,
  member_id uuid not null references members(id),
  kind text not null check (kind in ('topup', 'redeem', 'adjust', 'earn')),
  amount_minor integer not null default 0,
  points integer not null default 0,
  reason text,
  staff_id text references staff(id),
  at timestamptz not null default now()
);
create index member_ledger_recent on member_ledger (member_id, at desc);
