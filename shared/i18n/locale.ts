/**
 * Locales every lobbydesk screen speaks, and the tiny machinery a catalog
 * needs. Catalogs (`kiosk.ts`, later `admin.ts`) are plain objects with the
 * same keys in every locale; a missing or extra key is a type error.
 */
export const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each locale's name written in itself, for language switches. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
};

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export type Vars = Record<string, string | number>;

/** "Hello {name}" + {name: 'Li'} → "Hello Li". Unknown placeholders stay visible, so a gap is noticed. */
export function interpolate(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * Splits a template around its placeholders so a UI can put an element (for
 * example a highlighted number) where `{n}` stands: "{n} waiting" →
 * [{var:'n'}, ' waiting'].
 */
export function splitTemplate(template: string): Array<string | { var: string }> {
  const parts: Array<string | { var: string }> = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push({ var: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}
