-- The reference a guest is given for a complaint at the kiosk ("C-A4K7", shared/domain/complaint-ref.ts):
-- unique per property; its kiosk letter and counter, so a kiosk (or a new kiosk given a freed letter)
-- continues after the highest counter its letter ever used.
alter table issues add column reference text;
alter table issues add column reference_letter text;
alter table issues add column reference_no integer;
create unique index issues_reference_unique on issues (property_id, reference) where reference is not null;
create index issues_reference_counter on issues (property_id, reference_letter, reference_no) where reference is not null;
