-- A request's member (issue #4): whose scanned member card came with a kiosk request.
-- The server sets it only after verifying the card's signed token (server/src/requests/member-link.ts);
-- a card it cannot verify leaves it null and is recorded in audit_log (request.member_card_refused).
-- Staff only: the wall and kiosk projections never carry it.
alter table service_requests add column member_id uuid default null references members(id);
create index service_requests_member on service_requests (member_id) where member_id is not null;
