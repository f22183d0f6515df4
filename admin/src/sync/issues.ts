/**
 * The pending-issue board as the tablet sees it: issues from the snapshot
 * and `issue.upserted` events (kept apart from requests), the board's
 * commands through the outbox, and the staff list for hand-overs. Screens
 * read the signals and call the functions; only this module writes them.
 */
import { computed, signal } from '@preact/signals';
import { v7 as uuidv7 } from 'uuid';
import type { Department, FollowUpInput, Issue, IssueSeverity } from '../../../shared/domain/issue.ts';
import type { IssueAction } from '../../../shared/domain/issue.machine.ts';
import { upsertByRev } from '../../../shared/domain/request.ts';
import type { CommandDraft, CommandType } from '../../../shared/protocol/commands.ts';
import { issueCommands } from '../../../shared/protocol/issue.commands.ts';
import type { SyncSlice } from './slice.ts';
import type { PushOutcome } from '../../../shared/protocol/sync.ts';
import { StaffList, type StaffSummary } from '../../../shared/protocol/staff.ts';
import { api, failureCode, type FailureCode } from './api.ts';
import { sendAction } from './outbox.ts';

/** Issues as the server last told us (highest rev wins). */
export const serverIssues = signal<ReadonlyMap<string, Issue>>(new Map());
export const issueList = computed(() => [...serverIssues.value.values()]);
export const issuesLoaded = signal(false);

/** Commands of this tablet still on their way, by command id → issue id. */
const inFlight = signal<ReadonlyMap<string, string>>(new Map());
export const sendingIssueIds = computed(() => new Set(inFlight.value.values()));

export function setIssues(list: Issue[]): void {
  serverIssues.value = new Map(list.map((i) => [i.id, i]));
  issuesLoaded.value = true;
}

export function upsertIssues(list: Issue[]): void {
  if (list.length) serverIssues.value = upsertByRev(serverIssues.value, list);
}

export function resetIssues(): void {
  serverIssues.value = new Map();
  issuesLoaded.value = false;
  inFlight.value = new Map();
}

/** Forgets the commands the server has answered (applied, duplicate or rejected). */
export function settleIssueCommands(outcomes: readonly PushOutcome[]): void {
  if (!outcomes.some((o) => inFlight.value.has(o.id))) return;
  const next = new Map(inFlight.value);
  for (const o of outcomes) next.delete(o.id);
  inFlight.value = next;
}

async function send(issueId: string, draft: CommandDraft): Promise<boolean> {
  const command = await sendAction(draft, (c) => (inFlight.value = new Map(inFlight.value).set(c.id, issueId)));
  return command !== null;
}

export function transitionIssue(issue: Issue, action: IssueAction, extra: { note?: string; followUp?: FollowUpInput } = {}): Promise<boolean> {
  return send(issue.id, {
    type: 'issue.transition',
    payload: { issueId: issue.id, action, expectedStatus: issue.status, note: extra.note?.trim() || null, followUp: extra.followUp ?? null },
  });
}

export function handOverIssue(issue: Issue, toStaffId: string, note: string): Promise<boolean> {
  return send(issue.id, { type: 'issue.handover', payload: { issueId: issue.id, toStaffId, note: note.trim() } });
}

export function addIssueNote(issue: Issue, text: string): Promise<boolean> {
  return send(issue.id, { type: 'issue.note', payload: { issueId: issue.id, text: text.trim(), internal: true } });
}

export function setIssueDepartments(issue: Issue, departments: Department[]): Promise<boolean> {
  return send(issue.id, { type: 'issue.departments', payload: { issueId: issue.id, departments } });
}

export interface NewIssue {
  severity: IssueSeverity;
  summary: string;
  guestName: string;
  room: string;
  contact: string;
  contactConsent: boolean;
  departments: Department[];
}

/** Records a complaint taken by phone or at the desk; resolves to the new issue's id. */
export async function recordIssue(n: NewIssue): Promise<string | null> {
  const issueId = uuidv7();
  const ok = await send(issueId, {
    type: 'issue.record',
    payload: {
      issueId,
      severity: n.severity,
      categories: [],
      summary: n.summary.trim(),
      guestName: n.guestName.trim() || null,
      room: n.room.trim() || null,
      contact: n.contactConsent ? n.contact.trim() || null : null,
      contactConsent: n.contactConsent,
      departments: n.departments,
    },
  });
  return ok ? issueId : null;
}

export const staffList = signal<readonly StaffSummary[] | null>(null);
export const staffError = signal<FailureCode | null>(null);

export async function loadStaff(): Promise<void> {
  try {
    staffList.value = (await api.get('/api/staff', StaffList)).staff;
    staffError.value = null;
  } catch (e) {
    staffError.value = failureCode(e);
  }
}

/** The issue board's part of the tablet's sync (slice.ts). */
export const issuesSlice: SyncSlice = {
  name: 'issues',
  commands: Object.keys(issueCommands) as CommandType[],
  onSnapshot: (s) => setIssues(s.issues),
  onEvents: (events) => upsertIssues(events.flatMap((e) => (e.type === 'issue.upserted' ? [e.issue] : []))),
  onOutcomes: settleIssueCommands,
  notice(command, error) {
    const p = (command?.payload ?? {}) as { issueId?: string; action?: string };
    const issue = p.issueId ? serverIssues.value.get(p.issueId) : undefined;
    return { type: 'issue_rejected', summary: issue?.summary ?? '—', command: command?.type ?? '', action: p.action ?? null, code: error.code, ownerName: issue?.ownerStaffName ?? null };
  },
  reset: resetIssues,
};
