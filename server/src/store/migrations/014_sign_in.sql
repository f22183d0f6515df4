-- Sign-in throttling (server/src/staff/account-lockout.ts): tablets a staff member signed in on before.
-- Append-only: never edit a file that has shipped.
-- A successful sign-in sets a random "trust" cookie on the tablet (httpOnly, for the login route only); only its
-- SHA-256 is stored, one row per staff member who signed in with it (a shared tablet keeps one cookie). A sign-in
-- that carries a cookie trusted for that staff member is not slowed by its address or locked by the per-account
-- ceiling that stops guessing from unknown devices. Ten wrong PINs on it delete its row: it is unknown again.
-- Rows live TRUST_DAYS from their last successful sign-in, then are pruned.
create table trusted_devices (
  token_hash text not null,
  staff_id text not null references staff(id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (token_hash, staff_id)
);
create index trusted_devices_expiry on trusted_devices (expires_at);
-- auth_attempts scopes from here on: 'rate:<METHOD> <url>' per address (unchanged), 'pin:source' per
-- '<staff id> <address>' (growing delays), 'pin:account' per staff id (the ceiling and its lock),
-- 'pin:device' per '<staff id> <trust cookie hash>' (wrong PINs on a trusted tablet). Rows of the old 'pin'
-- scope are pruned when their window and lock are over.
