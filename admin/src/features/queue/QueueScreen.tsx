import { useEffect } from 'preact/hooks';
import type { StaffMe } from '../../../../shared/protocol/auth.ts';
import { serviceDayOf } from '../../../../shared/domain/ticket.ts';
import { t } from '../../i18n/i18n.ts';
import { transition } from '../../sync/actions.ts';
import { hasData, requestList, sendingIds, snapshotLoaded } from '../../sync/queries.ts';
import { now } from '../../ui/now.ts';
import { Header } from '../shell/Header.tsx';
import { activeQueue, doneTodayCount, nextToCall, queueCounts, splitByQueue } from './queue.queries.ts';
import { pendingCancels } from './cancel-undo.ts';
import { DEPARTMENTS, type Department } from '../../../../shared/domain/issue.ts';
import { desk, workQueue } from '../../sync/prefs.ts';
import { RequestRow } from './RequestRow.tsx';
import { SavedViewBanner } from './SavedViewBanner.tsx';

/** The desk's working screen: every open request, live, with "Call next" on top. */
export function QueueScreen({ me, offline }: { me: StaffMe; offline: boolean }) {
  const list = requestList.value;
  const cancelling = pendingCancels.value;
  const scope = { queue: workQueue.value, desk: desk.value, skip: new Set(cancelling.keys()) };
  // This tablet's queue (a department's, or the desk's own line) first; tickets transferred away are listed apart and never called from here.
  const { mine, elsewhere } = splitByQueue(activeQueue(list), scope);
  const next = nextToCall(list, scope);
  const counts = queueCounts(mine);
  const today = serviceDayOf(new Date(now.value), me.property.timeZone);
  const done = doneTodayCount(list, today);
  const sending = sendingIds.value;
  const ready = snapshotLoaded.value;

  useEffect(() => {
    if (ready) document.body.dataset.ready = 'true';
  }, [ready]);

  return (
    <div class="queue-screen">
      <Header me={me} />
      <SavedViewBanner offline={offline} />
      <section class="toolbar">
        <button
          type="button"
          class="btn btn-accent call-next"
          data-testid="call-next"
          disabled={!next}
          onClick={() => next && void transition(next, 'call')}
        >
          {next ? t('queue.callNextTicket', { ticket: next.ticket }) : t('queue.nobodyWaiting')}
        </button>
        <label class="work-queue">
          <span>{t('queue.workQueue')}</span>
          <select data-testid="work-queue" value={workQueue.value} onChange={(e) => (workQueue.value = e.currentTarget.value as Department)}>
            {DEPARTMENTS.map((d) => (
              <option key={d} value={d}>
                {t(`department.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <dl class="stats">
          <div>
            <dt>{t('queue.waiting')}</dt>
            <dd data-testid="count-waiting">{counts.waiting}</dd>
          </div>
          <div>
            <dt>{t('queue.inService')}</dt>
            <dd data-testid="count-in-service">{counts.inService}</dd>
          </div>
          <div>
            <dt>{t('queue.onHold')}</dt>
            <dd data-testid="count-held">{counts.held}</dd>
          </div>
          <div>
            <dt>{t('queue.doneToday')}</dt>
            <dd data-testid="done-today">{done}</dd>
          </div>
        </dl>
      </section>
      <main class="queue">
        {!hasData.value ? (
          <p class="empty">{t('queue.loading')}</p>
        ) : mine.length === 0 && elsewhere.length === 0 ? (
          <p class="empty" data-testid="queue-empty">
            {t('queue.empty')}
          </p>
        ) : (
          <>
            <ul class="rows">
              {mine.map((r) => (
                <RequestRow key={r.id} request={r} sending={sending.has(r.id)} cancelAt={cancelling.get(r.id)} />
              ))}
            </ul>
            {elsewhere.length > 0 && (
              <section class="elsewhere" data-testid="queue-elsewhere" aria-labelledby="queue-elsewhere-title">
                <h2 id="queue-elsewhere-title" class="section-title">
                  {t('queue.elsewhere', { n: elsewhere.length })}
                </h2>
                <p class="pair-hint">{t('queue.elsewhereHint')}</p>
                <ul class="rows">
                  {elsewhere.map((r) => (
                    <RequestRow key={r.id} request={r} sending={sending.has(r.id)} elsewhere cancelAt={cancelling.get(r.id)} />
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </main>
    </div>
  );
}
