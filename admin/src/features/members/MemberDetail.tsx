import { useState } from 'preact/hooks';
import type { StaffMe } from '../../../../shared/protocol/auth.ts';
import { errorKey } from '../../i18n/admin.ts';
import type { MemberProfile, StaffLedgerEntry } from '../../../../shared/protocol/members-staff.ts';
import { clockTime, t } from '../../i18n/i18n.ts';
import { reissueCard } from '../../sync/members.ts';
import { ApprovalRow } from './ApprovalsInbox.tsx';
import { BalanceForm } from './BalanceForm.tsx';
import { CardDialog } from './CardDialog.tsx';
import { formatMoney } from './money.ts';
import { useCommand } from '../../ui/use-command.ts';

const canSupervise = (me: StaffMe) => me.staff.role === 'supervisor' || me.staff.role === 'manager';

/** One member: balance, points, tier and card; the balance form; card reissue and print; waiting approvals; the ledger. */
export function MemberDetail({ p, me }: { p: MemberProfile; me: StaffMe }) {
  const m = p.member;
  const [printing, setPrinting] = useState(false);
  const pending = p.approvals.filter((a) => a.status === 'pending');
  return (
    <article class="member-detail" data-testid="member-detail" data-id={m.id}>
      <header class="member-head">
        <div>
          <h2>{m.name}</h2>
          <p class="member-sub">
            <span class={`tier-chip tier-${m.tier}`}>{t(`members.tier.${m.tier}`)}</span>
            <span class="member-code">
              {t('members.card')} {m.cardCode} · {t('members.cardVersion', { n: m.cardVersion })}
            </span>
          </p>
        </div>
        <dl class="stats member-stats">
          <div>
            <dt>{t('members.balance')}</dt>
            <dd data-testid="member-balance" data-minor={m.balanceMinor}>
              {formatMoney(m.balanceMinor)}
            </dd>
          </div>
          <div>
            <dt>{t('members.points')}</dt>
            <dd data-testid="member-points">{m.points.toLocaleString()}</dd>
          </div>
        </dl>
      </header>
      <BalanceForm key={m.id} member={m} role={me.staff.role} />
      <div class="card-actions">
        <button type="button" class="btn btn-secondary" data-testid="print-card" onClick={() => setPrinting(true)}>
          {t('members.print')}
        </button>
        {canSupervise(me) && <Reissue key={m.id} memberId={m.id} />}
      </div>
      {pending.length > 0 && (
        <section>
          <h3>{t('members.pendingForMember')}</h3>
          <ul class="rows">
            {pending.map((a) => (
              <ApprovalRow key={a.id} a={a} me={me} />
            ))}
          </ul>
        </section>
      )}
      <section>
        <h3>{t('members.ledger')}</h3>
        {p.ledger.length === 0 ? (
          <p class="approvals-empty">{t('members.ledger.empty')}</p>
        ) : (
          <ul class="ledger">
            {p.ledger.map((e) => (
              <LedgerEntry key={e.id} e={e} />
            ))}
          </ul>
        )}
      </section>
      {printing && <CardDialog memberId={m.id} onClose={() => setPrinting(false)} />}
    </article>
  );
}

function LedgerEntry({ e }: { e: StaffLedgerEntry }) {
  const d = new Date(e.at);
  return (
    <li class="ledger-entry" data-testid="ledger-entry" data-kind={e.kind}>
      <span class="ledger-when">
        {d.toLocaleDateString()} {clockTime(e.at)}
      </span>
      <span class="ledger-kind">{t(`members.ledger.kind.${e.kind}`)}</span>
      <span class={`ledger-amount ${e.amountMinor < 0 ? 'neg' : ''}`}>{e.amountMinor !== 0 ? formatMoney(e.amountMinor) : ''}</span>
      <span class="ledger-points">{e.points !== 0 ? `${e.points > 0 ? '+' : ''}${e.points} pts` : ''}</span>
      <span class="ledger-why">
        {e.reason ?? ''}
        {e.staffName && <small> · {t('members.ledger.by', { name: e.staffName })}</small>}
        {e.approvedByName && <small> · {t('members.ledger.approvedBy', { name: e.approvedByName })}</small>}
      </span>
    </li>
  );
}

function Reissue({ memberId }: { memberId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [state, run] = useCommand<'member.reissue_card'>(() => setOpen(false));
  if (!open) {
    return (
      <>
        <button type="button" class="btn btn-danger" data-testid="reissue-card" onClick={() => setOpen(true)}>
          {t('members.reissue')}
        </button>
        {state.kind === 'ok' && (
          <span class="reissue-done" data-testid="reissue-done">
            {t('members.reissue.done', { n: String(state.result?.cardVersion ?? '') })}
          </span>
        )}
      </>
    );
  }
  return (
    <form
      class="reissue-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim().length >= 3) void run(() => reissueCard(memberId, reason));
      }}
    >
      <input data-testid="reissue-reason" autoFocus placeholder={t('members.reissue.reason')} maxLength={300} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      <button type="submit" class="btn btn-danger-solid" data-testid="reissue-confirm" disabled={reason.trim().length < 3 || state.kind === 'sending'}>
        {t('members.reissue.confirm')}
      </button>
      <button type="button" class="btn btn-secondary" onClick={() => setOpen(false)}>
        {t('members.print.close')}
      </button>
      {state.kind === 'refused' && <p class="form-error">{t(errorKey(state.code))}</p>}
    </form>
  );
}
