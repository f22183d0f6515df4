import type { FollowView } from '../../../shared/protocol/follow.ts';
import { t, type FollowKey } from './i18n.ts';
import { waitWords } from './wait.ts';

/** "Desk 2" from the desk the tablet sends ("2"); any other label as it is. */
export function deskText(desk: string): string {
  return /^\d+$/.test(desk) ? t('desk', { desk }) : desk;
}

const STATUS_LINE: Partial<Record<FollowView['status'], FollowKey>> = {
  serving: 'serving',
  on_hold: 'onHold',
  no_show: 'noShow',
  completed: 'completed',
  cancelled: 'cancelled',
};

/** Where the ticket stands, in one live region: waiting (place and wait), called (big), or its outcome. */
export function TicketStatus({ view }: { view: FollowView }) {
  const called = view.status === 'called';
  const line = STATUS_LINE[view.status];
  return (
    <div class="status" aria-live="polite" aria-atomic="true" data-testid="follow-status">
      {called ? (
        <p class="called" role="alert" data-testid="follow-called">
          {view.desk ? t('called', { ticket: view.ticket, desk: deskText(view.desk) }) : t('calledNoDesk', { ticket: view.ticket })}
        </p>
      ) : view.status === 'waiting' ? (
        <>
          <p class="waiting">{t('waiting')}</p>
          {view.ahead !== null && (
            <p class="ahead" data-testid="follow-ahead" data-ahead={view.ahead}>
              {view.ahead === 0 ? t('aheadNone') : t('ahead', { n: view.ahead })}
            </p>
          )}
          {view.waitRange && <WaitLine lowS={view.waitRange.lowS} highS={view.waitRange.highS} />}
        </>
      ) : line ? (
        <p class="outcome">{t(line)}</p>
      ) : null}
      {view.shoeStage && (
        <p class="stage" data-testid="follow-shoe-stage" data-stage={view.shoeStage}>
          {t('shoeTitle')}: {t(`shoe_${view.shoeStage}`)}
        </p>
      )}
    </div>
  );
}

function WaitLine({ lowS, highS }: { lowS: number; highS: number }) {
  const w = waitWords(lowS, highS);
  return (
    <p class="wait" data-testid="follow-wait" data-low={lowS} data-high={highS}>
      {w.kind === 'range' ? t('waitRange', { low: w.low, high: w.high }) : t('waitUnder', { n: w.n })}
    </p>
  );
}
