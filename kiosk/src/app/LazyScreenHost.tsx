/**
 * Draws a screen registered with a loader (its own chunk). Loaders are started once the kiosk is
 * idle on home (`preloadScreens`), so a guest's tap never waits on the network; the service worker
 * keeps every chunk for offline use. Until the chunk is there the screen is an empty busy section
 * (App moves focus to the heading when it appears).
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/locale.store.ts';
import type { LazyScreen, ScreenProps } from './screen-registry.ts';

const loaded = new Map<LazyScreen, ComponentType<ScreenProps>>();
const loading = new Map<LazyScreen, Promise<ComponentType<ScreenProps>>>();

function load(def: LazyScreen): Promise<ComponentType<ScreenProps>> {
  let p = loading.get(def);
  if (!p) {
    p = def.load().then((c) => (loaded.set(def, c), c));
    p.catch(() => loading.delete(def)); // a later visit tries again
    loading.set(def, p);
  }
  return p;
}

/** Fetches every lazy screen in the background (a failure is retried when the screen opens). */
export function preloadScreens(defs: readonly LazyScreen[]): void {
  for (const d of defs) load(d).catch(() => undefined);
}

export function LazyScreenHost({ def, props }: { def: LazyScreen; props: ScreenProps }) {
  const [Screen, setScreen] = useState<ComponentType<ScreenProps> | null>(() => loaded.get(def) ?? null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Screen) return;
    let live = true;
    load(def).then(
      (c) => live && setScreen(() => c),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [def]);
  if (Screen) return <Screen {...props} />;
  if (failed)
    return (
      <section class="screen center">
        <p class="alert" role="alert" tabIndex={-1} data-autofocus>
          {t('error.local')}
        </p>
      </section>
    );
  return <section class="screen" aria-busy="true" />;
}
