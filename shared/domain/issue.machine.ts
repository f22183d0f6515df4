/**
 * The pending-issue board (投诉台帐) as data: the life of a complaint from
 * first report to closing after the follow-up visit (回访). The server
 * decides with it; the board shows only the actions it allows.
 */
export const ISSUE_STATUSES = ['new', 'acknowledged', 'in_progress', 'waiting_on_guest', 'resolved', 'followed_up', 'closed'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const ISSUE_ACTIONS = ['acknowledge', 'start', 'wait_on_guest', 'resume', 'resolve', 'follow_up', 'close', 'reopen'] as const;
export type IssueAction = (typeof ISSUE_ACTIONS)[number];

export const issueMachine: Record<IssueAction, { from: readonly IssueStatus[]; to: IssueStatus }> = {
  acknowledge: { from: ['new'], to: 'acknowledged' }, // the first responder becomes the owner (首问负责制)
  start: { from: ['acknowledged'], to: 'in_progress' },
  wait_on_guest: { from: ['in_progress'], to: 'waiting_on_guest' }, // the SLA clock pauses
  resume: { from: ['waiting_on_guest'], to: 'in_progress' },
  resolve: { from: ['acknowledged', 'in_progress'], to: 'resolved' },
  follow_up: { from: ['resolved'], to: 'followed_up' }, // needs the follow-up record
  close: { from: ['followed_up'], to: 'closed' }, // never straight from resolved
  reopen: { from: ['resolved', 'followed_up'], to: 'in_progress' },
};

export function nextIssueStatus(from: IssueStatus, action: IssueAction): IssueStatus | null {
  const rule = issueMachine[action];
  return rule.from.includes(from) ? rule.to : null;
}

export function legalIssueActions(from: IssueStatus): IssueAction[] {
  return ISSUE_ACTIONS.filter((a) => issueMachine[a].from.includes(from));
}
