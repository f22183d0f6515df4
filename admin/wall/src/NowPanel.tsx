import type { WallRequest } from '../../../shared/domain/request.ts';
import { wallText, type WallString } from './i18n/wall.ts';
import { Desk, Label } from './Label.tsx';

/** The ticket being called, large, with its desk and what it is for (`label`: its kind or service); or a quiet "No ticket called yet". */
export function NowPanel({ current, callKey, label }: { current: WallRequest | null; callKey: string | null; label: WallString | null }) {
  return (
    <section class="now" aria-live="polite" data-testid="panel-now">
      <h1>
        <Label text={wallText.nowCalling} />
      </h1>
      {current ? (
        <div class="now-body" key={callKey}>
          <div class="now-ticket" data-testid="now-calling">
            {current.ticket}
          </div>
          {current.desk && (
            <div class="now-desk">
              <Label text={wallText.pleaseGoTo} class="go" />
              <Desk desk={current.desk} />
            </div>
          )}
          <div class="now-meta">
            {label && <Label text={label} />}
            {current.maskedName && <span class="masked">{current.maskedName}</span>}
          </div>
        </div>
      ) : (
        <div class="now-empty">
          <Label text={wallText.nobodyCalled} />
        </div>
      )}
    </section>
  );
}
