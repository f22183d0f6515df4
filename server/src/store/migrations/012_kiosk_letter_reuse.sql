-- Kiosk ticket letters: unique among the kiosks that are not revoked, so a letter freed by a revoked kiosk can be
-- given to a new one (devices.repo nextKioskLetter decides when that is safe). The revoked kiosk keeps its letter
-- on its row, so its history still reads as it was. Append-only: never edit a file that has shipped.
drop index devices_letter_per_property;
create unique index devices_letter_per_active_kiosk on devices (property_id, letter) where letter is not null and revoked_at is null;
