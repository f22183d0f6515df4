/** SQL for a property's display settings: its name and the wall's languages (migration 015). */
import { DEFAULT_WALL_LANGUAGES, DisplaySettings, WallLanguages } from '../../../shared/protocol/display.ts';
import type { Db, Tx } from '../store/store.ts';

/** The stored languages as the wall reads them; a value that no longer parses falls back to the default. */
function languagesOf(raw: unknown): WallLanguages {
  const value = typeof raw === 'string' ? safeJson(raw) : raw;
  const parsed = WallLanguages.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_WALL_LANGUAGES;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

export async function displaySettings(db: Db | Tx, propertyId: string): Promise<DisplaySettings> {
  const p = await db.selectFrom('properties').select(['name', 'wall_languages']).where('id', '=', propertyId).executeTakeFirstOrThrow();
  return DisplaySettings.parse({ propertyName: p.name, wallLanguages: languagesOf(p.wall_languages) });
}

/** The row is locked until commit, so two managers saving at once apply one after the other. */
export async function displaySettingsForUpdate(trx: Tx, propertyId: string): Promise<DisplaySettings> {
  const p = await trx.selectFrom('properties').select(['name', 'wall_languages']).where('id', '=', propertyId).forUpdate().executeTakeFirstOrThrow();
  return DisplaySettings.parse({ propertyName: p.name, wallLanguages: languagesOf(p.wall_languages) });
}

export async function saveDisplaySettings(trx: Tx, propertyId: string, s: DisplaySettings): Promise<void> {
  await trx
    .updateTable('properties')
    .set({ name: s.propertyName, wall_languages: JSON.stringify(s.wallLanguages) })
    .where('id', '=', propertyId)
    .execute();
}
