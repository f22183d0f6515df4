/** The staff app's language: a signal, persisted per tablet, and `t()` over the shared catalog. */
import { effect, signal } from '@preact/signals';
import { adminCatalog, ADMIN_LOCALES, type AdminKey, type AdminLocale } from './admin.ts';

const KEY = 'lobbydesk.admin.locale';

function initial(): AdminLocale {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved && (ADMIN_LOCALES as readonly string[]).includes(saved)) return saved as AdminLocale;
  } catch {
    /* storage blocked */
  }
  return navigator.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export const locale = signal<AdminLocale>(initial());

effect(() => {
  document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem(KEY, locale.value);
  } catch {
    /* the choice lasts for this session only */
  }
});

export function toggleLocale(): void {
  locale.value = locale.value === 'en' ? 'zh' : 'en';
}

/** The message for `key` in the current language, with `{name}` placeholders filled. Reading it subscribes to the language. */
export function t(key: AdminKey, params?: Record<string, string | number>): string {
  const text = adminCatalog[locale.value][key];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

/** "14:05" in the tablet's locale. */
export function clockTime(iso: string | null, seconds = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleTimeString(locale.value === 'zh' ? 'zh-CN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  });
}
