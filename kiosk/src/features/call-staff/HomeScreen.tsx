import { useEffect } from 'preact/hooks';
import { Icon, type IconName } from '../../components/Icon.tsx';
import { LobbyClock } from '../../components/LobbyClock.tsx';
import { t, type KioskKey } from '../../i18n/locale.store.ts';
import { useCalledTickets } from '../../sync/queries.ts';
import { openBalance } from '../balance/balance.store.ts';
import { startFeedback } from '../feedback/feedback.store.ts';
import { startLuggageIn, startLuggageOut } from '../luggage/luggage.store.ts';
import { startShoeCare } from '../shoe-care/shoe-care.store.ts';
import { startCallStaff } from './flow.store.ts';

/** The other services, as large tiles under the primary "Call staff". */
const TILES: { id: string; icon: IconName; label: KioskKey; start: () => void }[] = [
  { id: 'tile-luggage-in', icon: 'luggage_help', label: 'home.luggageIn', start: startLuggageIn },
  { id: 'tile-luggage-out', icon: 'luggage_out', label: 'home.luggageOut', start: startLuggageOut },
  { id: 'tile-shoe-care', icon: 'shoe', label: 'home.shoeCare', start: startShoeCare },
  { id: 'tile-feedback', icon: 'smile', label: 'home.feedback', start: startFeedback },
];

function NowCalling() {
  const called = useCalledTickets();
  if (called.length === 0) return null;
  return (
    <section class="now-calling" aria-live="assertive" data-testid="now-calling">
      <h2 class="now-calling__title">{t('home.nowCalling')}</h2>
      <ul class="now-calling__list">
        {called.slice(0, 3).map((r) => (
          <li key={r.id} class="now-calling__item">
            <span class="now-calling__number">{r.ticket}</span>
            <span class="now-calling__where">{r.desk ? t('home.comeToDeskNamed', { desk: r.desk }) : t('home.comeToDesk')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HomeScreen() {
  // The test hook and the operator's "kiosk is up" signal: identity known, home on screen.
  useEffect(() => {
    document.body.dataset.ready = 'true';
  }, []);
  return (
    <section class="screen home" aria-labelledby="home-title">
      <div class="home__hero">
        <LobbyClock />
        <h1 id="home-title" class="display" tabIndex={-1} data-autofocus>
          {t('home.welcome')}
        </h1>
        <p class="lead">{t('home.subtitle')}</p>
        <span class="home__rule" aria-hidden="true" />
      </div>
      <NowCalling />
      <div class="home__actions">
        <button type="button" class="cta" data-testid="call-staff" onClick={startCallStaff}>
          <Icon name="bell" class="cta__icon" />
          <span class="cta__label">{t('home.callStaff')}</span>
          <span class="cta__hint">{t('home.callStaffHint')}</span>
        </button>
        <div class="tiles">
          {TILES.map((tile) => (
            <button key={tile.id} type="button" class="tile" data-testid={tile.id} onClick={tile.start}>
              <Icon name={tile.icon} class="tile__icon" />
              <span class="tile__label">{t(tile.label)}</span>
            </button>
          ))}
        </div>
        <button type="button" class="cta cta--secondary" data-testid="my-balance" onClick={openBalance}>
          <Icon name="card" class="cta__icon" />
          <span class="cta__label">{t('home.myBalance')}</span>
          <span class="cta__hint">{t('home.myBalanceHint')}</span>
        </button>
      </div>
    </section>
  );
}
