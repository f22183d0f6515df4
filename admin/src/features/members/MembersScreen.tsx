import { useEffect, useState } from 'preact/hooks';
import { BalanceOperation } from '../../../../shared/domain/authority.ts';
import type { StaffMe } from '../../../../shared/protocol/auth.ts';
import { errorKey } from '../../i18n/admin.ts';
import { t } from '../../i18n/i18n.ts';
import { authority, loadApprovals, loadAuthority, memberHasMore, memberQuery, memberResults, memberSearchState, openMember, profile, searchMembers } from '../../sync/members.ts';
import { snapshotLoaded } from '../../sync/queries.ts';
import { Header } from '../shell/Header.tsx';
import { ApprovalsInbox } from './ApprovalsInbox.tsx';
import { AuthorityDialog } from './AuthorityDialog.tsx';
import { MemberDetail } from './MemberDetail.tsx';
import { formatMoney, formatPoints } from './money.ts';
import './members.css';

/** Members (会员): search, profile and ledger, balance changes under authority, cards, and the approvals inbox. */
export function MembersScreen({ me }: { me: StaffMe }) {
  const [text, setText] = useState(memberQuery.value);
  const [selected, setSelected] = useState<string | null>(profile.value?.member.id ?? null);
  const [editingLimits, setEditingLimits] = useState(false);
  const supervises = me.staff.role === 'supervisor' || me.staff.role === 'manager';
  const ready = snapshotLoaded.value;
  const search = memberSearchState.value;
  const p = profile.value;

  useEffect(() => {
    void loadAuthority();
    if (memberSearchState.value === 'idle') void searchMembers('');
    if (supervises) void loadApprovals();
  }, [supervises]);
  useEffect(() => {
    if (ready) document.body.dataset.ready = 'true';
  }, [ready]);
  // What is left today also changes by this person's other tablets and at the turn of the service day.
  useEffect(() => {
    const timer = setInterval(() => void loadAuthority(), 60_000);
    return () => clearInterval(timer);
  }, []);

  const open = (id: string) => {
    setSelected(id);
    void openMember(id);
  };
  const left = authority.value?.today.remaining;

  return (
    <div class="members-screen">
      <Header me={me} />
      <section class="toolbar members-toolbar">
        <h1 class="screen-title">{t('members.title')}</h1>
        <form
          class="member-search-form"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            void searchMembers(text);
          }}
        >
          <input data-testid="member-search" type="search" placeholder={t('members.search')} aria-label={t('members.search')} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="btn btn-primary" data-testid="member-search-submit">
            {t('members.searchButton')}
          </button>
        </form>
        <div class="my-limits" data-testid="my-limits">
          {left ? (
            <>
              <span class="my-limits-title">{t('members.budget.title')}</span>
              <ul class="my-budget">
                {BalanceOperation.options.map((o) => (
                  <li key={o} data-testid={`budget-${o}`} class={left.money[o] === 0 && left.points[o] === 0 ? 'budget-spent' : ''}>
                    {t('members.budget.op', { op: t(`members.op.${o}`), amount: formatMoney(left.money[o]), points: formatPoints(left.points[o]) })}
                  </li>
                ))}
              </ul>
            </>
          ) : me.staff.role === 'manager' ? (
            t('members.authority.manager')
          ) : (
            ''
          )}
        </div>
        {me.staff.role === 'manager' && (
          <button type="button" class="btn btn-secondary" data-testid="authority-open" onClick={() => setEditingLimits(true)}>
            {t('members.authority')}
          </button>
        )}
      </section>
      <div class="members-body">
        <div class="members-list">
          {supervises && <ApprovalsInbox me={me} onOpen={open} />}
          <h2 class="section-title">{t('members.title')}</h2>
          {search === 'loading' && memberResults.value.length === 0 ? (
            <p class="empty">{t('members.loading')}</p>
          ) : search !== 'loading' && search !== 'done' && search !== 'idle' ? (
            <p class="form-error">{t(errorKey(search))}</p>
          ) : memberResults.value.length === 0 ? (
            <p class="empty" data-testid="members-empty">
              {t('members.none')}
            </p>
          ) : (
            <ul class="rows">
              {memberResults.value.map((m) => (
                <li key={m.id}>
                  <button type="button" class={`member-row ${selected === m.id ? 'member-row-selected' : ''}`} data-testid="member-row" data-id={m.id} onClick={() => open(m.id)}>
                    <span class="member-row-name">{m.name}</span>
                    <span class={`tier-chip tier-${m.tier}`}>{t(`members.tier.${m.tier}`)}</span>
                    <span class="member-row-code">{m.cardCode}</span>
                    <span class="member-row-balance">{formatMoney(m.balanceMinor)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {memberHasMore.value && (
            <button type="button" class="btn btn-secondary btn-block" onClick={() => void searchMembers(memberQuery.value, true)}>
              {t('members.more')}
            </button>
          )}
        </div>
        <div class="members-detail-pane">
          {p && p.member.id === selected ? <MemberDetail p={p} me={me} /> : <p class="empty">{selected ? t('members.loading') : t('members.selectHint')}</p>}
        </div>
      </div>
      {editingLimits && <AuthorityDialog onClose={() => setEditingLimits(false)} />}
    </div>
  );
}
