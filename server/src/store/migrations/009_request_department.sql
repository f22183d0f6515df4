-- Request transfer (staff queue): where a request was sent and the note that went with it.
-- 008 is left for the reports indexes (see docs/ARCHITECTURE.md, Reports).
-- department: one of shared/domain/issue.ts DEPARTMENTS, null = the front desk's own.
-- transfer_note: staff only; never projected to the wall or a kiosk.
alter table service_requests add column department text default null;
alter table service_requests add column transfer_note text default null;
