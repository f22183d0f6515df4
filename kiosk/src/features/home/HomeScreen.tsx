import { useEffect } from 'preact/hooks';
import { Icon } from '../../components/Icon.tsx';
import { LobbyClock } from '../../components/LobbyClock.tsx';
import { t } from '../../i18n/locale.store.ts';
import { useCalledTickets } from '../../sync/queries.ts';
import { isTileList, tilesAt, type ButtonTile, type HomeTile } from '../../app/screen-registry.ts';

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

/** A large call to action (the primary "Call staff", the secondary "My balance"). */
function Cta({ tile, secondary }: { tile: ButtonTile; secondary: boolean }) {
  return (
    <button type="button" class={secondary ? 'cta cta--secondary' : 'cta'} data-testid={tile.testid} onClick={tile.start}>
      <Icon name={tile.icon} class="cta__icon" />
      <span class="cta__label">{t(tile.label)}</span>
      {tile.hint && <span class="cta__hint">{t(tile.hint)}</span>}
    </button>
  );
}

function Tile({ tile }: { tile: HomeTile }) {
  if (isTileList(tile)) return <tile.Tiles />;
  return (
    <button type="button" class="tile" data-testid={tile.testid} onClick={tile.start}>
      <Icon name={tile.icon} class="tile__icon" />
      <span class="tile__label">{t(tile.label)}</span>
    </button>
  );
}

const ctas = (tiles: readonly HomeTile[], place: 'primary' | 'secondary') =>
  tilesAt(tiles, place).map((tile) => (isTileList(tile) ? <tile.Tiles key={tile.id} /> : <Cta key={tile.testid} tile={tile} secondary={place === 'secondary'} />));

/** The welcome, the numbers being called, and every feature's tiles (registered by the features: app/screens.ts). */
export function HomeScreen({ tiles }: { tiles: readonly HomeTile[] }) {
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
        {ctas(tiles, 'primary')}
        <div class="tiles">
          {tilesAt(tiles, 'tiles').map((tile) => (
            <Tile key={isTileList(tile) ? tile.id : tile.testid} tile={tile} />
          ))}
        </div>
        {ctas(tiles, 'secondary')}
      </div>
    </section>
  );
}
