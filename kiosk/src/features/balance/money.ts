import type { Locale } from '../../../../shared/i18n/locale.ts';

/** The property's currency. TODO: take it from the property once the server stores one. */
export const CURRENCY = 'CNY';

/** Minor units (fen, cents) as money in the guest's language: 128000 → "¥1,280.00". */
export function formatMoney(minor: number, locale: Locale, currency = CURRENCY): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(minor / 10 ** digits);
}

export function formatPoints(points: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(points);
}
