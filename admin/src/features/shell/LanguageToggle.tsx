import { t, toggleLocale } from '../../i18n/i18n.ts';

export function LanguageToggle() {
  return (
    <button type="button" class="btn btn-ghost lang-toggle" data-testid="lang-toggle" aria-label={t('lang.switchLabel')} onClick={toggleLocale}>
      {t('lang.switch')}
    </button>
  );
}
