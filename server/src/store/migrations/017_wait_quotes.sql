-- Wait estimates and the per-ticket export (issue #11). Append-only: never edit a file that has shipped.
-- The wait a kiosk showed the guest when the ticket was taken, in seconds, exactly as shown (whole minutes):
-- low 0 = "under {high} minutes", else "about {low}–{high} minutes" (shared/protocol/wait-stats.ts). Null when
-- no estimate was shown (staff-issued tickets, luggage and shoe-care screens, apps from before).
alter table service_requests add column quoted_wait_low_s integer default null;
alter table service_requests add column quoted_wait_high_s integer default null;
-- Reports and the per-ticket export read a property's requests by time; wait-stats reads the last completed ones.
create index service_requests_by_time on service_requests (property_id, created_at, id);
create index service_requests_completed on service_requests (property_id, completed_at) where status = 'completed';
-- The export's rating column: the feedback given for a ticket.
create index feedback_by_request on feedback (request_id) where request_id is not null;
