/** The kiosk's current language and `t()`. Components that call `t` re-render when the language changes. */
import { effect, signal } from '@preact/signals';
import { errorKey, kioskCatalog, type KioskKey } from './kiosk.ts';
import { DEFAULT_LOCALE, interpolate, type Locale, type Vars } from '../../../shared/i18n/locale.ts';
import { ApiFailure, NetworkFailure } from '../../../shared/sync-client/failures.ts';

export type { KioskKey };

export const locale = signal<Locale>(DEFAULT_LOCALE);

effect(() => {
  if (typeof document !== 'undefined') document.documentElement.lang = locale.value;
});

export function t(key: KioskKey, vars?: Vars): string {
  return interpolate(kioskCatalog[locale.value][key], vars);
}

/** The raw template, for callers that place elements into `{placeholders}`. */
export function template(key: KioskKey): string {
  return kioskCatalog[locale.value][key];
}

export function setLocale(next: Locale): void {
  locale.value = next;
}

/** Back to the house language, e.g. when a guest walks away. */
export function resetLocale(): void {
  locale.value = DEFAULT_LOCALE;
}

/** Translated text for anything thrown by the sync layer; never a stack trace. */
export function errorText(e: unknown): string {
  if (e instanceof ApiFailure) return t(errorKey(e.code));
  if (e instanceof NetworkFailure) return t('error.network');
  return t('error.local');
}
