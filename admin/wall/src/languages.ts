/** The wall's languages as the property chose them (Simplified Chinese + English until the server says). */
import { computed, effect } from '@preact/signals';
import { WALL_HTML_LANG } from './i18n/wall.ts';
import { DEFAULT_WALL_LANGUAGES, type WallLanguages } from '../../../shared/protocol/display.ts';
import { display } from './sync/wall-sync.ts';

export const wallLanguages = computed<WallLanguages>(() => display.value?.wallLanguages ?? DEFAULT_WALL_LANGUAGES);

effect(() => {
  document.documentElement.lang = WALL_HTML_LANG[wallLanguages.value[0] ?? 'en'];
});
