import type { LedgerKind, MemberTier } from '../../../../shared/protocol/members.ts';
import { locale, t, type KioskKey } from '../../i18n/locale.store.ts';
import { closeBalance, shownMember } from './balance.store.ts';
import { formatMoney, formatPoints } from './money.ts';

const tierKey = (tier: MemberTier) => `balance.tier.${tier}` satisfies KioskKey;
const kindKey = (kind: LedgerKind) => `balance.kind.${kind}` satisfies KioskKey;

/** The member's balance, points, tier and last entries; the name stays masked. */
export function BalanceScreen() {
  const m = shownMember.value;
  if (!m) return null;
  const l = locale.value;
  const date = new Intl.DateTimeFormat(l, { month: 'short', day: 'numeric' });
  return (
    <section class="screen balance" aria-labelledby="balance-title">
      <div class="balance__head">
        <p class="eyebrow">{t('balance.member')}</p>
        <h1 id="balance-title" class="title balance__name" tabIndex={-1} data-autofocus data-testid="balance-name">
          {m.maskedName}
        </h1>
        <p class={`balance__tier balance__tier--${m.tier}`} data-testid="balance-tier">
          {t(tierKey(m.tier))}
        </p>
      </div>
      <dl class="balance__figures">
        <div class="balance__figure">
          <dt>{t('balance.amount')}</dt>
          <dd data-testid="balance-amount">{formatMoney(m.balanceMinor, l)}</dd>
        </div>
        <div class="balance__figure">
          <dt>{t('balance.points')}</dt>
          <dd data-testid="balance-points">{formatPoints(m.points, l)}</dd>
        </div>
      </dl>
      <section class="balance__recent" aria-labelledby="balance-recent">
        <h2 id="balance-recent" class="balance__recent-title">
          {t('balance.recent')}
        </h2>
        {m.lastEntries.length === 0 ? (
          <p class="lead">{t('balance.none')}</p>
        ) : (
          <ul class="balance__entries" data-testid="balance-entries">
            {m.lastEntries.map((e, i) => (
              <li key={i} class="balance__entry">
                <span class="balance__entry-date">{date.format(new Date(e.at))}</span>
                <span class="balance__entry-kind">{t(kindKey(e.kind))}</span>
                <span class="balance__entry-amount">
                  {e.amountMinor !== 0 ? formatMoney(e.amountMinor, l) : `+${formatPoints(e.points, l)} ${t('balance.points')}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div class="actions actions--center">
        <button type="button" class="btn btn--primary btn--wide" data-testid="balance-done" onClick={closeBalance}>
          {t('balance.done')}
        </button>
      </div>
    </section>
  );
}
