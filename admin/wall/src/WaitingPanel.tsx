import { wallKindText, wallText } from '../../../shared/i18n/wall.ts';
import type { WaitingGroup } from './wall.queries.ts';
import { FitList } from './FitList.tsx';
import { Label } from './Label.tsx';
import { wallLanguages } from './languages.ts';

/** Who is waiting, per kind: the count, then the oldest tickets first, as many as fit, then "+N more". */
export function WaitingPanel({ groups }: { groups: readonly WaitingGroup[] }) {
  const layoutKey = wallLanguages.value.join();
  return (
    <section class="waiting" data-testid="panel-waiting">
      <h2>
        <Label text={wallText.waiting} />
      </h2>
      <div class="kinds">
        {groups.map((g) => (
          <div class={`kind ${g.count ? '' : 'kind-empty'}`} key={g.kind} data-kind={g.kind} data-testid="waiting-kind">
            <div class="kind-head">
              <Label text={wallKindText[g.kind]} />
              <span class="count" data-testid="waiting-count">
                {g.count}
              </span>
            </div>
            <FitList
              class="tickets"
              items={g.tickets}
              keyOf={(tk) => tk}
              layoutKey={layoutKey}
              render={(tk) => (
                <span class="waiting-ticket" data-testid="waiting-ticket">
                  {tk}
                </span>
              )}
              more={(n) => <Label text={wallText.more} vars={{ n }} class="more" />}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
