import { useEffect, useRef } from 'preact/hooks';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../../shared/i18n/locale.ts';
import type { FollowView } from '../../../shared/protocol/follow.ts';
import { announceCall } from './alert.ts';
import { phase, reconnecting } from './follow.sync.ts';
import { catalog, lang, pickLanguage, t } from './i18n.ts';
import { Luggage } from './Luggage.tsx';
import { Rating } from './Rating.tsx';
import { TicketStatus, deskText } from './TicketStatus.tsx';

/** The page: the ticket as it moves (or a friendly note when there is none), the language switch on top (not on the unknown page, which speaks all three). */
export function FollowApp({ token }: { token: string | null }) {
  const p = phase.value;
  useTitle(p.kind === 'view' ? p.view : null);
  return (
    <>
      {p.kind !== 'unknown' && (
        <header class="bar">
          <nav class="langs" aria-label={t('language')}>
            {LOCALES.map((l) => (
              <button type="button" key={l} lang={l} class="lang" data-testid={`lang-${l}`} aria-pressed={lang.value === l} onClick={() => pickLanguage(l)}>
                {LOCALE_NAMES[l]}
              </button>
            ))}
          </nav>
        </header>
      )}
      <main class="page" data-phase={p.kind}>
        {p.kind === 'loading' && <p class="note" aria-busy="true">{t('loading')}</p>}
        {p.kind === 'not_yet' && <NotYet />}
        {p.kind === 'unknown' && <Unknown />}
        {p.kind === 'view' && token && <Ticket view={p.view} token={token} />}
        {reconnecting.value && p.kind === 'view' && (
          <p class="reconnecting" data-testid="reconnecting" role="status">
            {t('reconnecting')}
          </p>
        )}
      </main>
    </>
  );
}

function Ticket({ view, token }: { view: FollowView; token: string }) {
  return (
    <>
      <section class="card" aria-labelledby="number-label" data-testid="follow-ticket" data-status={view.status}>
        <h1 id="number-label" class="label">
          {t('yourNumber')}
        </h1>
        <p class="number" data-testid="follow-number">
          {view.ticket}
        </p>
        <p class="service" data-testid="follow-service">
          {view.service ? view.service.names[lang.value] : t(`kind_${view.kind}`)}
        </p>
        <TicketStatus view={view} />
      </section>
      {view.luggage && <Luggage luggage={view.luggage} />}
      {(view.ratable || view.rating !== null) && <Rating token={token} view={view} />}
    </>
  );
}

/** A backgrounded tab shows the call in its title; a new call buzzes and beeps once. */
function useTitle(view: FollowView | null): void {
  const lastCall = useRef<string | null | undefined>(undefined);
  const called = view?.status === 'called';
  const l = lang.value;
  useEffect(() => {
    if (!view) {
      document.title = t('title');
      return;
    }
    document.title = called
      ? view.desk
        ? t('calledTitle', { ticket: view.ticket, desk: deskText(view.desk) })
        : t('calledTitleNoDesk', { ticket: view.ticket })
      : `${view.ticket} · ${t('title')}`;
  }, [view?.ticket, view?.desk, called, l]);
  useEffect(() => {
    const key = called ? (view?.calledAt ?? 'called') : null;
    // The first view only sets the baseline: a guest opening an already-called ticket is looking at it.
    if (lastCall.current !== undefined && key && key !== lastCall.current) announceCall();
    if (view) lastCall.current = key;
  }, [called, view?.calledAt]);
}

function NotYet() {
  return (
    <section class="card card--quiet" data-testid="follow-not-yet" role="status">
      <h1 class="title">{t('notYetTitle')}</h1>
      <p class="note">{t('notYetBody')}</p>
    </section>
  );
}

/** Unknown or expired: the same friendly words in all three languages (we do not know the guest's). */
function Unknown() {
  return (
    <section class="card card--quiet" data-testid="follow-unknown">
      {LOCALES.map((l: Locale, i) => (
        <div lang={l} key={l} class="unknown">
          {i === 0 ? <h1 class="title">{catalog[l].unknownTitle}</h1> : <h2 class="title">{catalog[l].unknownTitle}</h2>}
          <p class="note">{catalog[l].unknownBody}</p>
        </div>
      ))}
    </section>
  );
}
