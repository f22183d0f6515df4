/** The pending-issue board's command handlers (shared/protocol/issue.commands.ts). */
import { defineHandlers } from '../events/command-handler.ts';
import { handoverIssue, noteIssue, recordIssue, setIssueDepartments, transitionIssue } from './issues.service.ts';

export const issueHandlers = defineHandlers({
  'issue.transition': transitionIssue,
  'issue.handover': handoverIssue,
  'issue.note': noteIssue,
  'issue.record': recordIssue,
  'issue.departments': setIssueDepartments,
});
