import { useEffect } from 'preact/hooks';
import { Icon } from '../../components/Icon.tsx';
import { LobbyClock } from '../../components/LobbyClock.tsx';
import { t } from '../../i18n/locale.store.ts';
import { useCalledTickets } from '../../sync/queries.ts';
import { openBalance } from '../balance/balance.store.ts';
import { startCallStaff } from './flow.store.ts';

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
        <button type="button" class="cta cta--secondary" data-testid="my-balance" onClick={openBalance}>
          <Icon name="card" class="cta__icon" />
          <span class="cta__label">{t('home.myBalance')}</span>
          <span class="cta__hint">{t('home.myBalanceHint')}</span>
        </button>
      </div>
    </section>
  );
}
