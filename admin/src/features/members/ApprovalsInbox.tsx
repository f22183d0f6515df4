import { useState } from 'preact/hooks';
import { canApprove, withinAuthority } from '../../../../shared/domain/authority.ts';
import type { StaffMe } from '../../../../shared/protocol/auth.ts';
import { errorKey } from '../../i18n/admin.ts';
import type { Approval } from '../../../../shared/protocol/members-staff.ts';
import { clockTime, t } from '../../i18n/i18n.ts';
import { authority, decideApproval, loadAuthority, pendingApprovals } from '../../sync/members.ts';
import { formatMoney } from './money.ts';
import { useCommand } from '../../ui/use-command.ts';

/** Balance changes above someone's authority, for supervisors and managers to approve or decline (live). */
export function ApprovalsInbox({ me, onOpen }: { me: StaffMe; onOpen: (memberId: string) => void }) {
  const list = pendingApprovals.value;
  return (
    <section class="approvals" data-testid="approvals-inbox">
      <h2 class="section-title">
        {t('members.approvals')} {list.length > 0 && <span class="count-badge">{list.length}</span>}
      </h2>
      {list.length === 0 ? (
        <p class="approvals-empty">{t('members.approvals.empty')}</p>
      ) : (
        <ul class="rows">
          {list.map((a) => (
            <ApprovalRow key={a.id} a={a} me={me} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function ApprovalRow({ a, me, onOpen }: { a: Approval; me: StaffMe; onOpen?: (memberId: string) => void }) {
  const [note, setNote] = useState('');
  const [state, run] = useCommand<'approval.decide'>(() => void loadAuthority()); // approving drew on this person's budget
  const limits = authority.value?.limits;
  const today = authority.value?.today;
  const own = a.requestedBy === me.staff.id;
  // Deciding needs the role's limit to cover it; approving also needs what is left of this person's budget today.
  const allowed = !own && me.staff.role !== 'agent' && (!limits || withinAuthority(limits, me.staff.role, a.operation, a.amountMinor, a.points));
  const approvable = allowed && (!today || canApprove(me.staff.role, today.remaining, a.operation, a.amountMinor, a.points));
  const busy = state.kind === 'sending' || state.kind === 'ok';
  const amount = a.operation === 'redeem' ? -a.amountMinor : a.amountMinor;
  return (
    <li class="approval-row" data-testid="approval-row" data-id={a.id} data-member={a.memberId}>
      <div class="approval-main">
        <button type="button" class="link-button approval-member" onClick={() => onOpen?.(a.memberId)}>
          {a.memberName}
        </button>
        <span class="chip">{t(`members.op.${a.operation}`)}</span>
        <strong class={`approval-amount ${amount < 0 ? 'neg' : ''}`}>{formatMoney(amount)}</strong>
        {a.points !== 0 && <span class="approval-points">{a.points > 0 ? `+${a.points}` : a.points} pts</span>}
      </div>
      <p class="approval-reason">“{a.reason}”</p>
      <p class="approval-meta">{t('members.approvals.requested', { name: a.requestedByName, time: clockTime(a.requestedAt) })}</p>
      {a.status !== 'pending' ? (
        <p class="approval-meta">{t(`members.approvals.status.${a.status}`, { name: a.decidedByName ?? '' })}</p>
      ) : !allowed ? (
        <p class="approval-meta">{own ? t('members.approvals.own') : t('members.approvals.aboveYou')}</p>
      ) : (
        <div class="approval-actions">
          <input data-testid="approval-note" placeholder={t('members.approvals.note')} maxLength={300} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          <button type="button" class="btn btn-accent" data-testid="approval-approve" disabled={busy || !approvable} onClick={() => void run(() => decideApproval(a.id, true, note))}>
            {t('members.approvals.approve')}
          </button>
          <button type="button" class="btn btn-danger" data-testid="approval-decline" disabled={busy} onClick={() => void run(() => decideApproval(a.id, false, note))}>
            {t('members.approvals.decline')}
          </button>
          {!approvable && <p class="approval-meta" data-testid="approval-over-budget">{t('members.approvals.overBudget')}</p>}
        </div>
      )}
      {state.kind === 'refused' && <p class="form-error">{t(errorKey(state.code))}</p>}
    </li>
  );
}
