import { LOCALE_NAMES, LOCALES } from '../../../shared/i18n/locale.ts';
import { locale, setLocale, t } from '../i18n/locale.store.ts';
import { Icon } from './Icon.tsx';

/** English / 简体中文 / 繁體中文, on every screen. */
export function LanguageToggle() {
  return (
    <div class="lang" role="group" aria-label={t('lang.label')}>
      <Icon name="globe" class="lang__icon" />
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          class="lang__btn"
          lang={l}
          aria-pressed={locale.value === l}
          data-testid={`lang-${l}`}
          onClick={() => setLocale(l)}
        >
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </div>
  );
}
