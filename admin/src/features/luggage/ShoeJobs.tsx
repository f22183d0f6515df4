import type { ServiceRequest } from '../../../../shared/domain/request.ts';
import type { AdminKey } from '../../i18n/admin.ts';
import type { ShoeStage } from '../../../../shared/domain/luggage.machine.ts';
import { t } from '../../i18n/i18n.ts';
import { whenText } from '../../i18n/when-text.ts';
import { now } from '../../ui/now.ts';
import { advanceShoe } from '../../sync/luggage.actions.ts';
import { shoeJobs } from './luggage.queries.ts';

/** A room collection is never "called": its stages say the room (collected from, back to the room). */
function stageKey(stage: ShoeStage | null, r: ServiceRequest): AdminKey {
  const room = r.details?.kind === 'shoe_care' && r.details.collectAt === 'room';
  if (room && stage === 'collected') return 'shoe.stage.collectedRoom';
  if (room && stage === 'ready') return 'shoe.stage.readyRoom';
  if (room && stage === 'returned') return 'shoe.stage.returnedRoom';
  return `shoe.stage.${stage ?? 'new'}`;
}

/** Shoe care (擦鞋服务) as jobs: one button per job, the next stage. `Ready` calls the ticket on the wall. */
export function ShoeJobs({ requests }: { requests: readonly ServiceRequest[] }) {
  const jobs = shoeJobs(requests);
  return (
    <section class="shoe-jobs" aria-labelledby="shoe-title">
      <h2 id="shoe-title" class="section-title">
        {t('shoe.title')}
      </h2>
      {jobs.length === 0 ? (
        <p class="empty" data-testid="shoe-empty">
          {t('shoe.empty')}
        </p>
      ) : (
        <ul class="rows">
          {jobs.map(({ request: r, stage, next }) => (
            <li key={r.id} class="row shoe-job" data-testid="shoe-job" data-ticket={r.ticket} data-stage={stage ?? 'new'}>
              <div class="row-ticket">{r.ticket}</div>
              <div class="row-main">
                <div class="row-what">
                  <span class="kind">{r.details?.kind === 'shoe_care' ? t('shoe.pairs', { n: r.details.pairs }) : ''}</span>
                  {r.details?.kind === 'shoe_care' && <span class="reason">{t(`shoe.collectAt.${r.details.collectAt}`)}</span>}
                </div>
                <div class="row-who">
                  <span class={r.guestName ? 'guest' : 'guest guest-none'}>{r.guestName ?? t('queue.noName')}</span>
                  {r.room && <span class="room">{t('queue.room', { room: r.room })}</span>}
                </div>
              </div>
              <div class="row-time">
                {r.details?.kind === 'shoe_care' && r.details.neededBy && <span class="wait">{t('shoe.neededBy', { time: whenText(r.details.neededBy, now.value) })}</span>}
                {r.assignedStaffName && <span class="holder">{r.assignedStaffName}</span>}
              </div>
              <div class="row-status">
                <span class={`chip chip-shoe-${stage ?? 'new'}`} data-testid="shoe-stage">
                  {t(stageKey(stage, r))}
                </span>
              </div>
              <div class="row-actions">
                {next && (
                  <button type="button" class="btn btn-primary" data-testid="shoe-advance" onClick={() => void advanceShoe(r.id, next, stage)}>
                    {t(`shoe.advance.${next}`)}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
