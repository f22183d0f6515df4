import { wallText } from './i18n/wall.ts';
import { hhmm } from './Clock.tsx';
import { Label } from './Label.tsx';
import { confirmedAt, hasData } from './sync/wall-sync.ts';

/**
 * While the wall cannot reach the server, the lobby must not take what it
 * shows for current: a strip across the screen says plainly since when it
 * has not been updated (the panels below are dimmed).
 */
export function StaleNotice() {
  const at = confirmedAt.value;
  return (
    <div class="stale-notice" role="status" data-testid="wall-stale">
      {hasData.value && at ? <Label text={wallText.lastUpdated} vars={{ time: hhmm(at) }} class="stale-time" /> : <Label text={wallText.neverUpdated} class="stale-time" />}
      <Label text={wallText.staleHint} class="stale-hint" />
    </div>
  );
}
