-- The luggage ledger (行李寄存): items in store and their custody log. Nothing is ever deleted;
-- the custody log is append-only, enforced here as well as in code.
create table luggage_items (
  id uuid primary key,
  property_id uuid not null references properties(id),
  claim_code text not null,
  ticket text,
  request_id uuid references service_requests(id),
  bags integer not null check (bags between 1 and 20),
  tags text[] not null,
  location text not null,
  guest_name text,
  room text,
  notes text,
  expected_pickup_at timestamptz,
  status text not null check (status in ('awaiting_storage', 'stored', 'lost_claim_pending', 'released')),
  lost_claim jsonb,
  released_at timestamptz,
  released_by text,
  approved_by text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  rev integer not null default 1,
  check (cardinality(tags) = bags)
);
-- A claim code opens one item at a time; a released item's code may come round again.
create unique index luggage_items_claim_in_store on luggage_items (property_id, claim_code) where status <> 'released';
create unique index luggage_items_request on luggage_items (request_id) where request_id is not null;
create index luggage_items_current on luggage_items (property_id, status, updated_at);

create table luggage_custody (
  id uuid primary key,
  item_id uuid not null references luggage_items(id),
  property_id uuid not null references properties(id),
  at timestamptz not null,
  staff_id text not null references staff(id),
  staff_name text not null,
  action text not null check (action in ('received', 'stored', 'moved', 'released')),
  location text not null,
  note text
);
create index luggage_custody_item on luggage_custody (item_id, at, id);

create function lobbydesk_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = '42501';
end;
$$;
create trigger luggage_custody_append_only before update or delete on luggage_custody
  for each row execute function lobbydesk_refuse_change();
create trigger luggage_custody_no_truncate before truncate on luggage_custody
  for each statement execute function lobbydesk_refuse_change();
create trigger luggage_items_never_deleted before delete on luggage_items
  for each row execute function lobbydesk_refuse_change();
create trigger luggage_items_no_truncate before truncate on luggage_items
  for each statement execute function lobbydesk_refuse_change();
