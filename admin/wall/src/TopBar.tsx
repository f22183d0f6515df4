import { wallText } from './i18n/wall.ts';
import { Clock } from './Clock.tsx';
import { Label } from './Label.tsx';
import { setSpeakEnabled, speakEnabled } from './speech.ts';
import { authProblem, display, hasData, liveStatus } from './sync/wall-sync.ts';

function LiveBadge() {
  const status = liveStatus.value;
  return (
    <div class={`badge badge-${status}`} data-testid="live-status" data-status={status}>
      <span class="dot" aria-hidden="true" />
      <Label text={status === 'live' ? wallText.live : status === 'reconnecting' ? wallText.reconnecting : wallText.connecting} />
    </div>
  );
}

/** Spoken calls on this display: off until someone turns them on (the tap also lets the browser speak). */
function SpeakToggle() {
  const on = speakEnabled.value;
  return (
    <button type="button" class={`speak-toggle ${on ? 'speak-on' : ''}`} data-testid="wall-speak" aria-pressed={on} onClick={() => setSpeakEnabled(!on)}>
      <svg class="speak-icon" viewBox="0 0 24 24" width="1.2em" height="1.2em" aria-hidden="true">
        <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
        {on ? <path d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" /> : <path d="M16 9l5 6M21 9l-5 6" stroke="currentColor" stroke-width="2" stroke-linecap="round" />}
      </svg>
      <Label text={wallText.readAloud} />
    </button>
  );
}

/** The hotel's name and the display's own controls. */
export function TopBar() {
  return (
    <header class="wall-top" data-testid="wall-top">
      <div class="brand" data-testid="wall-brand">
        {display.value?.propertyName ?? ''}
      </div>
      {authProblem.value && hasData.value && (
        <div class="auth-problem" data-testid="wall-auth-problem">
          <Label text={authProblem.value === 'missing' ? wallText.notPairedTitle : wallText.revoked} />
        </div>
      )}
      <div class="top-right">
        <SpeakToggle />
        <LiveBadge />
        <Clock />
      </div>
    </header>
  );
}
