/**
 * What a property shows of itself on its screens: the hotel's name and the
 * wall display's languages. A manager sets them on the tablet
 * (`POST /api/settings/display`); the wall receives them in its snapshot and,
 * when they change, as a `display.upserted` event on its feed.
 */
import { z } from 'zod';
import { FreeText } from '../domain/text.ts';
import { LOCALES } from '../i18n/locale.ts';

/** The longest hotel name a manager may set (the wall shows it in its top bar). */
export const PROPERTY_NAME_MAX = 60;

/** One or two of the locales, in the order the wall shows them (the first is the larger); no repeats. */
export const WallLanguages = z
  .array(z.enum(LOCALES))
  .min(1, 'choose at least one language')
  .max(2, 'choose at most two languages')
  .refine((ls) => new Set(ls).size === ls.length, 'a language appears twice');
export type WallLanguages = z.infer<typeof WallLanguages>;

/** Until a manager chooses otherwise (and in the migration's default): Simplified Chinese, then English. */
export const DEFAULT_WALL_LANGUAGES: WallLanguages = ['zh-Hans', 'en'];

/** As the server sends them. */
export const DisplaySettings = z.object({
  propertyName: z.string(),
  wallLanguages: WallLanguages,
});
export type DisplaySettings = z.infer<typeof DisplaySettings>;

/** As a manager sends them: the name is typed text, cleaned like every free-text field. */
export const DisplaySettingsBody = DisplaySettings.extend({
  propertyName: FreeText(PROPERTY_NAME_MAX, { min: 1 }),
});
export type DisplaySettingsBody = z.infer<typeof DisplaySettingsBody>;
