import { describe, expect, it } from 'vitest';
import { ISSUE_ACTIONS, ISSUE_STATUSES, issueFacts, issueMachine, legalIssueActions, nextIssueStatus } from './issue.machine.ts';

const unreachable = { guestReachable: false };
const reachable = { guestReachable: true };

describe('the issue machine', () => {
  it('closes only after a follow-up: reached, or "guest left no contact"', () => {
    const into = (s: string) => ISSUE_ACTIONS.filter((a) => issueMachine[a].to === s);
    expect(into('followed_up')).toEqual(['follow_up', 'no_contact']);
    expect(into('closed')).toEqual(['close']);
    expect(issueMachine.close.from).toEqual(['followed_up']);
  });

  it('allows "guest left no contact" only on a resolved issue whose guest cannot be reached', () => {
    expect(nextIssueStatus('resolved', 'no_contact', unreachable)).toBe('followed_up');
    expect(nextIssueStatus('resolved', 'no_contact', reachable)).toBeNull();
    for (const s of ISSUE_STATUSES.filter((x) => x !== 'resolved')) expect(nextIssueStatus(s, 'no_contact', unreachable)).toBeNull();
    expect(legalIssueActions('resolved', unreachable)).toEqual(['follow_up', 'no_contact', 'reopen']);
    expect(legalIssueActions('resolved', reachable)).toEqual(['follow_up', 'reopen']);
  });

  it('counts a contact or a room as a way to reach the guest, a name alone not', () => {
    expect(issueFacts({ contact: null, room: null })).toEqual(unreachable);
    expect(issueFacts({ contact: '13800138000', room: null })).toEqual(reachable);
    expect(issueFacts({ contact: null, room: '1208' })).toEqual(reachable);
  });

  it('leaves every other action as it was, whatever the guest left', () => {
    for (const s of ISSUE_STATUSES) {
      expect(legalIssueActions(s, reachable)).toEqual(legalIssueActions(s, unreachable).filter((a) => a !== 'no_contact'));
    }
  });
});
