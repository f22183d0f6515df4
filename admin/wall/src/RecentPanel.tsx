import type { WallRequest } from '../../../shared/domain/request.ts';
import { wallText } from './i18n/wall.ts';
import { FitList } from './FitList.tsx';
import { Desk, Label } from './Label.tsx';
import { wallLanguages } from './languages.ts';

/** Tickets called before the current one, newest first: as many as fit, then "+N more". */
export function RecentPanel({ recent }: { recent: readonly WallRequest[] }) {
  return (
    <section class="recent" data-testid="panel-recent">
      <h2>
        <Label text={wallText.recentlyCalled} />
      </h2>
      <FitList
        class="recent-list"
        testId="recent-list"
        items={recent}
        keyOf={(r) => `${r.id}:${r.desk ?? ''}`}
        layoutKey={wallLanguages.value.join()}
        render={(r) => (
          <div class="recent-row">
            <span class="recent-ticket" data-testid="recent-ticket">
              {r.ticket}
            </span>
            <Desk desk={r.desk} />
          </div>
        )}
        more={(n) => <Label text={wallText.more} vars={{ n }} />}
      />
    </section>
  );
}
