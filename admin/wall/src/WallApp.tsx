import { useEffect, useRef } from 'preact/hooks';
import { wallKindText, wallText, type Bilingual } from '../../../shared/i18n/wall.ts';
import { playChime } from './chime.ts';
import { announce, setSpeakEnabled, speakEnabled } from './speech.ts';
import { authProblem, hasData, liveSince, liveStatus, requests, snapshotLoaded } from './sync/wall-sync.ts';
import { callKey, nowCalling, recentlyCalled, waitingByKind } from './wall.queries.ts';
import { Clock, hhmm } from './Clock.tsx';
import { PairForm } from './PairForm.tsx';

const MAX_WAITING_SHOWN = 10;

function Label({ text, class: cls = '' }: { text: Bilingual; class?: string }) {
  return (
    <span class={`bi ${cls}`}>
      <span class="zh" lang="zh-CN">
        {text.zh}
      </span>
      <span class="en" lang="en">
        {text.en}
      </span>
    </span>
  );
}

function Desk({ desk }: { desk: string | null }) {
  if (!desk) return null;
  return (
    <span class="desk">
      <span lang="zh-CN">
        {desk}
        {wallText.desk.zh}
      </span>
      <span lang="en">
        {wallText.desk.en} {desk}
      </span>
    </span>
  );
}

function LiveBadge() {
  const status = liveStatus.value;
  return (
    <div class={`badge badge-${status}`} data-testid="live-status" data-status={status}>
      <span class="dot" aria-hidden="true" />
      {status === 'live' ? (
        <Label text={wallText.live} />
      ) : status === 'reconnecting' ? (
        <span class="bi">
          <span class="zh">
            {wallText.reconnectingSince.zh} {hhmm(liveSince.value)}
          </span>
          <span class="en">
            {wallText.reconnectingSince.en} {hhmm(liveSince.value)}
          </span>
        </span>
      ) : (
        <Label text={wallText.connecting} />
      )}
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

export function WallApp() {
  const list = [...requests.value.values()];
  const current = nowCalling(list);
  const recent = recentlyCalled(list, current);
  const waiting = waitingByKind(list);
  const key = callKey(current);

  // Chime on every new call or recall, never for what was already on screen at start.
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!hasData.value) return;
    if (seen.current !== undefined && key && key !== seen.current && current) {
      playChime();
      if (speakEnabled.value) announce(current.ticket, current.desk);
    }
    seen.current = key;
  }, [key, hasData.value]);

  useEffect(() => {
    if (snapshotLoaded.value) document.body.dataset.ready = 'true';
  }, [snapshotLoaded.value]);

  return (
    <div class="wall">
      <header class="wall-top">
        <div class="brand">lobbydesk</div>
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

      {authProblem.value && !hasData.value ? (
        <main class="not-paired" data-testid="wall-not-paired">
          <Label text={authProblem.value === 'missing' ? wallText.notPairedTitle : wallText.revoked} class="big" />
          <p>{wallText.notPairedHint.zh}</p>
          <p>{wallText.notPairedHint.en}</p>
          <PairForm />
        </main>
      ) : (
        <main class="wall-main">
          <section class="now" aria-live="polite">
            <h1>
              <Label text={wallText.nowCalling} />
            </h1>
            {current ? (
              <div class="now-body" key={key}>
                <div class="now-ticket" data-testid="now-calling">
                  {current.ticket}
                </div>
                {current.desk && (
                  <div class="now-desk">
                    <span class="go">
                      <Label text={wallText.pleaseGoTo} />
                    </span>
                    <Desk desk={current.desk} />
                  </div>
                )}
                <div class="now-meta">
                  <Label text={wallKindText[current.kind]} />
                  {current.maskedName && <span class="masked">{current.maskedName}</span>}
                </div>
              </div>
            ) : (
              <div class="now-empty">
                <Label text={wallText.nobodyCalled} />
              </div>
            )}
          </section>

          <section class="recent">
            <h2>
              <Label text={wallText.recentlyCalled} />
            </h2>
            <ol>
              {recent.map((r) => (
                <li key={r.id}>
                  <span class="recent-ticket" data-testid="recent-ticket">
                    {r.ticket}
                  </span>
                  <Desk desk={r.desk} />
                </li>
              ))}
            </ol>
          </section>

          <section class="waiting">
            <h2>
              <Label text={wallText.waiting} />
            </h2>
            <div class="kinds">
              {waiting.map((g) => (
                <div class={`kind ${g.count ? '' : 'kind-empty'}`} key={g.kind} data-kind={g.kind}>
                  <div class="kind-head">
                    <Label text={wallKindText[g.kind]} />
                    <span class="count" data-testid="waiting-count">
                      {g.count}
                    </span>
                  </div>
                  <div class="tickets">
                    {g.tickets.slice(0, MAX_WAITING_SHOWN).map((tk) => (
                      <span class="waiting-ticket" data-testid="waiting-ticket" key={tk}>
                        {tk}
                      </span>
                    ))}
                    {g.count > MAX_WAITING_SHOWN && (
                      <span class="more">
                        +{g.count - MAX_WAITING_SHOWN} {wallText.more.en}
                      </span>
                    )}
                  </div>
                </div>
              ))}
            </div>
          </section>
        </main>
      )}
    </div>
  );
}
