-- A guest's phone follows one ticket (issue #14; server/src/follow/, shared/protocol/follow.ts). The kiosk makes the
-- token; only its SHA-256 (hex) is kept, with the guest's language on the kiosk. One token per ticket, one ticket
-- per token. Append-only: never edit a file that has shipped.
create table follow_tokens (
  token_hash text primary key,
  request_id uuid not null unique references service_requests (id),
  property_id uuid not null references properties (id),
  language text not null,
  created_at timestamptz not null default now()
);
