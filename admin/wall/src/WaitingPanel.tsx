import { wallText } from './i18n/wall.ts';
import type { WaitingGroup } from './wall.queries.ts';
import { FitList } from './FitList.tsx';
import { Label } from './Label.tsx';
import { wallLanguages } from './languages.ts';

/**
 * Columns of the board: four built-in kinds fill one row of a landscape wall; with catalog
 * services the groups wrap into rows of four to six (two to three on a portrait wall), so
 * every group keeps room for its name, its count and a few tickets.
 */
export function boardColumns(groups: number): { wide: number; tall: number } {
  return { wide: Math.min(6, Math.max(4, Math.ceil(groups / 2))), tall: groups <= 8 ? 2 : 3 };
}

/** Who is waiting, per kind and per catalog service: the count, then the oldest tickets first, as many as fit, then "+N more". */
export function WaitingPanel({ groups }: { groups: readonly WaitingGroup[] }) {
  const layoutKey = wallLanguages.value.join();
  const cols = boardColumns(groups.length);
  return (
    <section class="waiting" data-testid="panel-waiting">
      <h2>
        <Label text={wallText.waiting} />
      </h2>
      <div class={`kinds wide-${cols.wide} tall-${cols.tall}`}>
        {groups.map((g) => (
          <div
            class={`kind ${g.count ? '' : 'kind-empty'}`}
            key={g.key}
            data-kind={g.kind}
            data-service={g.service ?? undefined}
            data-testid="waiting-kind"
          >
            <div class="kind-head">
              <Label text={g.label} />
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
