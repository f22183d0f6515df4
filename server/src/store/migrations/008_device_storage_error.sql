-- Device health: a kiosk that cannot write its local storage says so in its heartbeat.
-- Additive only. (008 was first meant for report indexes; those take the next free number.)
-- storage_error: 'quota' (the browser's storage is full) or 'failed' (any other storage error), null while writes work.
-- storage_error_at: device clock, when writes began to fail.
alter table devices add column storage_error text default null check (storage_error in ('quota', 'failed'));
alter table devices add column storage_error_at timestamptz default null;
