import { t } from '../i18n/locale.store.ts';
import { me } from '../sync/state.ts';
import { LanguageToggle } from './LanguageToggle.tsx';
import { ReadAloudToggle } from './ReadAloudToggle.tsx';

export function TopBar() {
  const property = me.value?.property.name;
  return (
    <header class="topbar">
      <div class="brand">
        <span class="brand__mark" aria-hidden="true">
          ◆
        </span>
        <span class="brand__text">
          {property && <span class="brand__property">{property}</span>}
          <span class="brand__service">{t('app.brand')}</span>
        </span>
      </div>
      <div class="topbar__tools">
        <ReadAloudToggle />
        <LanguageToggle />
      </div>
    </header>
  );
}
