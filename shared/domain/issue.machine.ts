/**
 * The pending-issue board (投诉台帐) as data: the life of a complaint from
 * first report to closing after the follow-up visit (回访). The server
 * decides with it; the board shows only the actions it allows.
 */
export const ISSUE_STATUSES = ['new', 'acknowledged', 'in_progress', 'waiting_on_guest', 'resolved', 'followed_up', 'closed'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const ISSUE_ACTIONS = ['acknowledge', 'start', 'wait_on_guest', 'resume', 'resolve', 'follow_up', 'no_contact', 'close', 'reopen'] as const;
export type IssueAction = (typeof ISSUE_ACTIONS)[number];

/** What an action may depend on besides the status. */
export interface IssueFacts {
  /** The guest left a way to reach them: a contact (with consent) or a room. */
  guestReachable: boolean;
}

/** `unreachable`: legal only when the guest left no contact and no room. */
export type IssueRule = { from: readonly IssueStatus[]; to: IssueStatus; only?: 'unreachable' };

export const issueMachine: Record<IssueAction, IssueRule> = {
  acknowledge: { from: ['new'], to: 'acknowledged' }, // the first responder becomes the owner (首问负责制)
  start: { from: ['acknowledged'], to: 'in_progress' },
  wait_on_guest: { from: ['in_progress'], to: 'waiting_on_guest' }, // the SLA clock pauses
  resume: { from: ['waiting_on_guest'], to: 'in_progress' },
  resolve: { from: ['acknowledged', 'in_progress'], to: 'resolved' },
  follow_up: { from: ['resolved'], to: 'followed_up' }, // needs the follow-up record
  no_contact: { from: ['resolved'], to: 'followed_up', only: 'unreachable' }, // the follow-up's outcome: the guest left no way to reach them
  close: { from: ['followed_up'], to: 'closed' }, // never straight from resolved
  reopen: { from: ['resolved', 'followed_up'], to: 'in_progress' },
};

const allows = (rule: IssueRule, from: IssueStatus, facts: IssueFacts) => rule.from.includes(from) && (rule.only !== 'unreachable' || !facts.guestReachable);

/** Whether the guest can be reached for the follow-up (回访): a contact they agreed to share, or a room. */
export function issueFacts(i: { contact: string | null; room: string | null }): IssueFacts {
  return { guestReachable: Boolean(i.contact || i.room) };
}

export function nextIssueStatus(from: IssueStatus, action: IssueAction, facts: IssueFacts): IssueStatus | null {
  const rule = issueMachine[action];
  return allows(rule, from, facts) ? rule.to : null;
}

export function legalIssueActions(from: IssueStatus, facts: IssueFacts): IssueAction[] {
  return ISSUE_ACTIONS.filter((a) => allows(issueMachine[a], from, facts));
}
