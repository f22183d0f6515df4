import { useState } from 'preact/hooks';
import { BalanceOperation, limitFor, withinBudget } from '../../../../shared/domain/authority.ts';
import type { StaffRole } from '../../../../shared/protocol/auth.ts';
import { errorKey } from '../../i18n/admin.ts';
import type { MemberSummary } from '../../../../shared/protocol/members-staff.ts';
import { t } from '../../i18n/i18n.ts';
import { approvalsById, authority, changeBalance, loadAuthority } from '../../sync/members.ts';
import { formatMoney, formatPoints, parseMoney, parsePoints } from './money.ts';
import { useCommand } from '../../ui/use-command.ts';

/**
 * Top-up, redeem/refund or adjust/compensate, with a reason. Shows what is
 * left of the actor's daily budget for the operation (money and points) and
 * says "needs approval" past it; the server decides.
 */
export function BalanceForm({ member, role }: { member: MemberSummary; role: StaffRole }) {
  const [op, setOp] = useState<BalanceOperation>('topup');
  const [amount, setAmount] = useState('');
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<'amount' | 'reason' | null>(null);
  const [state, run, reset] = useCommand<'member.balance'>((result) => {
    if (result) {
      setAmount('');
      setPoints('');
      setReason('');
    }
    void loadAuthority(); // what is left today changed (or was found to be less than this tablet thought)
  });
  const limits = authority.value?.limits;
  const today = authority.value?.today;
  const limit = limits ? limitFor(limits, role, op) : undefined;
  const pointsLimit = limits ? limitFor(limits, role, op, 'points') : undefined;
  const minor = parseMoney(amount);
  const pts = parsePoints(points);
  // Amount and points each count against what is left; an empty amount (points only) moves no money.
  const money = amount.trim() ? minor : 0;
  const over = !!today && money !== null && pts !== null && !withinBudget(today.remaining, op, money, pts);
  const busy = state.kind === 'sending';

  /** A new entry starts: the last answer no longer describes what is on the form. */
  function clear() {
    if (state.kind === 'ok' || state.kind === 'refused') reset();
    setInvalid(null);
  }

  function submit(e: Event) {
    e.preventDefault();
    // An adjustment of points only may leave the amount empty.
    if (money === null || pts === null || !(op === 'adjust' ? money !== 0 || pts !== 0 : money > 0)) return setInvalid('amount');
    if (reason.trim().length < 3) return setInvalid('reason');
    setInvalid(null);
    void run(() => changeBalance({ memberId: member.id, operation: op, amountMinor: money, points: pts, reason, expectedBalance: member.balanceMinor }));
  }

  const result = state.kind === 'ok' ? state.result : null;
  const asked = result?.status === 'pending_approval' ? approvalsById.value.get(result.approvalId) : undefined;
  const decided = asked && asked.status !== 'pending' ? asked : undefined;
  return (
    <form class="balance-form" data-testid="balance-form" onSubmit={submit}>
      <h3>{t('members.form.title')}</h3>
      <div class="balance-grid">
        <label class="field">
          <span>{t('members.form.operation')}</span>
          <select data-testid="balance-op" value={op} onChange={(e) => {
            setOp(BalanceOperation.parse(e.currentTarget.value));
            clear();
          }}>
            {BalanceOperation.options.map((o) => (
              <option key={o} value={o}>
                {t(`members.op.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{op === 'adjust' ? t('members.form.amountAdjust') : t('members.form.amount')}</span>
          <input data-testid="balance-amount" inputMode="decimal" autoComplete="off" value={amount} onInput={(e) => {
            setAmount(e.currentTarget.value);
            clear();
          }} />
        </label>
        <label class="field">
          <span>{t('members.form.points')}</span>
          <input data-testid="balance-points" inputMode="numeric" autoComplete="off" value={points} onInput={(e) => {
            setPoints(e.currentTarget.value);
            clear();
          }} />
        </label>
        <label class="field field-wide">
          <span>{t('members.form.reason')}</span>
          <input data-testid="balance-reason" maxLength={300} autoComplete="off" value={reason} onInput={(e) => {
            setReason(e.currentTarget.value);
            clear();
          }} />
        </label>
      </div>
      <p class={`balance-limit ${over ? 'balance-over' : ''}`} data-testid="balance-limit">
        {limit === undefined || pointsLimit === undefined
          ? ''
          : limit === null || pointsLimit === null || !today?.remaining
            ? t('members.form.noLimit')
            : t('members.form.limit', {
                amount: formatMoney(today.remaining.money[op]),
                limit: formatMoney(limit),
                points: formatPoints(today.remaining.points[op]),
                pointsLimit: formatPoints(pointsLimit),
              })}
        {over && (
          <strong data-testid="needs-approval">
            {' '}
            {t('members.form.needsApproval')}
          </strong>
        )}
      </p>
      <div class="balance-actions">
        <button type="submit" class={`btn ${over ? 'btn-secondary' : 'btn-accent'}`} data-testid="balance-submit" disabled={busy}>
          {over ? t('members.form.submitApproval') : t('members.form.submit')}
        </button>
        <p class="balance-status" role="status" data-testid="balance-status" data-state={decided ? decided.status : result ? result.status : state.kind}>
          {invalid === 'amount'
            ? t('members.form.invalidAmount')
            : invalid === 'reason'
              ? t('members.form.invalidReason')
              : state.kind === 'refused'
                ? t(errorKey(state.code))
                : state.kind === 'queued'
                  ? t('members.form.queued')
                  : result
                    ? result.status === 'applied'
                      ? t('members.form.applied', { amount: formatMoney(result.balanceMinor) })
                      : decided
                        ? t(`members.approvals.status.${decided.status}`, { name: decided.decidedByName ?? '' })
                        : t('members.form.pending')
                    : ''}
        </p>
      </div>
    </form>
  );
}
