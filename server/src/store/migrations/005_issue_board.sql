-- The pending-issue board (投诉台帐): departments, escalation, the SLA pause while waiting on the guest,
-- the follow-up record (回访), and internal notes / hand-overs in their own table.
alter table issues add column departments text[] not null default '{}';
alter table issues add column escalation_level integer not null default 0 check (escalation_level between 0 and 2);
alter table issues add column escalated_at timestamptz;
alter table issues add column paused_ms double precision not null default 0;
alter table issues add column waiting_since timestamptz;
alter table issues add column resolved_at timestamptz;
alter table issues add column closed_at timestamptz;
alter table issues add column follow_up jsonb;
alter table issues add column satisfied boolean;
alter table issues add column notes_count integer not null default 0;

create table issue_notes (
  id uuid primary key,
  issue_id uuid not null references issues(id),
  property_id uuid not null references properties(id),
  kind text not null check (kind in ('note', 'handover')),
  staff_id text not null references staff(id),
  staff_name text not null,
  text text not null,
  to_staff_id text references staff(id),
  to_staff_name text,
  at timestamptz not null
);
create index issue_notes_by_issue on issue_notes (issue_id, at);
