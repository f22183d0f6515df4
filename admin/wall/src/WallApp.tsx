import { useEffect, useRef } from 'preact/hooks';
import { wallString, wallText } from './i18n/wall.ts';
import { playChime } from './chime.ts';
import { Label } from './Label.tsx';
import { wallLanguages } from './languages.ts';
import { NowPanel } from './NowPanel.tsx';
import { PairForm } from './PairForm.tsx';
import { RecentPanel } from './RecentPanel.tsx';
import { StaleNotice } from './StaleNotice.tsx';
import { announce, speakEnabled } from './speech.ts';
import { authProblem, hasData, liveStatus, requests, services, snapshotLoaded } from './sync/wall-sync.ts';
import { TopBar } from './TopBar.tsx';
import { WaitingPanel } from './WaitingPanel.tsx';
import { BUILT_IN_KINDS, callKey, nowCalling, recentlyCalled, requestLabel, waitingGroups } from './wall.queries.ts';

export function WallApp() {
  const list = [...requests.value.values()];
  const current = nowCalling(list);
  const recent = recentlyCalled(list, current);
  const catalog = services.value;
  const waiting = waitingGroups(list, catalog);
  const key = callKey(current);
  // Out of touch with the server: what is on screen may be old, so it is dimmed and says since when.
  const stale = liveStatus.value === 'reconnecting' && !authProblem.value;

  // Chime on every new call or recall, never for what was already on screen at start.
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!hasData.value) return;
    if (seen.current !== undefined && key && key !== seen.current && current) {
      playChime();
      if (speakEnabled.value) announce(current.ticket, current.desk, wallLanguages.value);
    }
    seen.current = key;
  }, [key, hasData.value]);

  useEffect(() => {
    if (snapshotLoaded.value) document.body.dataset.ready = 'true';
  }, [snapshotLoaded.value]);

  return (
    <div class={`wall ${stale ? 'is-stale' : ''}`} data-stale={stale}>
      <TopBar />
      {stale && <StaleNotice />}
      {authProblem.value && !hasData.value ? (
        <main class="not-paired" data-testid="wall-not-paired">
          <Label text={authProblem.value === 'missing' ? wallText.notPairedTitle : wallText.revoked} class="big" />
          {wallLanguages.value.map((l) => (
            <p key={l}>{wallString(wallText.notPairedHint, l)}</p>
          ))}
          <PairForm />
        </main>
      ) : (
        <main class={`wall-main ${waiting.length > BUILT_IN_KINDS.length ? 'wall-dense' : ''}`} data-testid="wall-main">
          <NowPanel current={current} callKey={key} label={current ? requestLabel(current, catalog) : null} />
          <RecentPanel recent={recent} />
          <WaitingPanel groups={waiting} />
        </main>
      )}
    </div>
  );
}
