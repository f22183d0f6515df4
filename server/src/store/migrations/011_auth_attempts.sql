-- Login and typed-card-code attempt counters, shared by every instance on one database and kept across restarts.
-- Append-only: never edit a file that has shipped.
-- One row per counter: scope says what is counted ('rate:<METHOD> <url>' per client address for the per-route
-- limits, 'pin' per staff id for the account lockout), key whom (the address or the staff id).
-- count: attempts in the window that ends at window_ends (a fixed window from its first attempt; an increment
-- after window_ends starts a new one). locked_until: the account is refused until then, whatever the window says.
-- A row whose window and lock are both over says nothing any more: it is pruned (and a successful login deletes its own).
create table auth_attempts (
  scope text not null,
  key text not null,
  count integer not null check (count > 0),
  window_ends timestamptz not null,
  locked_until timestamptz,
  primary key (scope, key)
);
create index auth_attempts_expiry on auth_attempts (window_ends);
