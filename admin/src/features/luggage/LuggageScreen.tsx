import { useEffect, useState } from 'preact/hooks';
import type { LuggageItem } from '../../../../shared/domain/luggage.ts';
import { LUGGAGE_APPROVER_ROLES } from '../../../../shared/domain/luggage.machine.ts';
import type { StaffMe } from '../../../../shared/protocol/auth.ts';
import { t } from '../../i18n/i18n.ts';
import { moveItem } from '../../sync/luggage.actions.ts';
import { luggageList } from '../../sync/luggage.queries.ts';
import { hasData, requestList, snapshotLoaded } from '../../sync/queries.ts';
import { now } from '../../ui/now.ts';
import { SavedViewBanner } from '../queue/SavedViewBanner.tsx';
import { Header } from '../shell/Header.tsx';
import { CheckInDialog } from './CheckInDialog.tsx';
import { LedgerRow } from './LedgerRow.tsx';
import { ledgerCounts, sortLedger, waitingDropOffs } from './luggage.queries.ts';
import { MoveDialog, ReleaseDialog } from './ReleaseDialog.tsx';
import { ShoeJobs } from './ShoeJobs.tsx';

/** The luggage ledger (行李寄存) and the shoe-care jobs (擦鞋服务). */
export function LuggageScreen({ me }: { me: StaffMe }) {
  const [checkingIn, setCheckingIn] = useState(false);
  const [releasing, setReleasing] = useState<LuggageItem | null>(null);
  const [moving, setMoving] = useState<LuggageItem | null>(null);
  const nowMs = now.value;
  const items = luggageList.value;
  const requests = requestList.value;
  const ledger = sortLedger(items, nowMs);
  const counts = ledgerCounts(items, nowMs);
  const waiting = waitingDropOffs(requests, items);
  const canApprove = (LUGGAGE_APPROVER_ROLES as readonly string[]).includes(me.staff.role);
  const ready = snapshotLoaded.value;

  useEffect(() => {
    if (ready) document.body.dataset.ready = 'true';
  }, [ready]);

  return (
    <div class="luggage-screen">
      <Header me={me} />
      <SavedViewBanner />
      <section class="toolbar">
        <button type="button" class="btn btn-accent call-next" data-testid="checkin-open" onClick={() => setCheckingIn(true)}>
          {waiting.length ? t('luggage.checkInWaiting', { n: waiting.length }) : t('luggage.checkIn')}
        </button>
        <dl class="stats">
          <div>
            <dt>{t('luggage.inStore')}</dt>
            <dd data-testid="count-in-store">{counts.inStore}</dd>
          </div>
          <div>
            <dt>{t('luggage.bagsInStore')}</dt>
            <dd>{counts.bags}</dd>
          </div>
          <div>
            <dt>{t('luggage.overdue')}</dt>
            <dd data-testid="count-overdue">{counts.overdue}</dd>
          </div>
          <div>
            <dt>{t('luggage.pendingApproval')}</dt>
            <dd data-testid="count-pending">{counts.pending}</dd>
          </div>
        </dl>
      </section>
      <main class="queue luggage">
        <h2 class="section-title">{t('luggage.title')}</h2>
        {!hasData.value ? (
          <p class="empty">{t('queue.loading')}</p>
        ) : ledger.length === 0 ? (
          <p class="empty" data-testid="luggage-empty">
            {t('luggage.empty')}
          </p>
        ) : (
          <ul class="rows">
            {ledger.map((i) => (
              <LedgerRow key={i.id} item={i} nowMs={nowMs} canApprove={canApprove} onRelease={setReleasing} onMove={setMoving} />
            ))}
          </ul>
        )}
        <ShoeJobs requests={requests} />
      </main>
      {checkingIn && <CheckInDialog waiting={waiting} onClose={() => setCheckingIn(false)} />}
      {releasing && <ReleaseDialog item={releasing} onClose={() => setReleasing(null)} />}
      {moving && <MoveDialog item={moving} onClose={() => setMoving(null)} onMove={(loc, note) => moveItem(moving.id, loc, note)} />}
    </div>
  );
}
