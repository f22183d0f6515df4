/**
 * The hotel's name and the wall's languages as the tablet reads and (for a
 * manager) saves them: `GET` / `POST /api/settings/display`. Loaded when the
 * settings section opens; a save answers with what the server stored.
 */
import { signal } from '@preact/signals';
import { DisplaySettings, type DisplaySettingsBody } from '../../../shared/protocol/display.ts';
import { api, failureCode, type FailureCode } from './api.ts';

export const displaySettings = signal<DisplaySettings | null>(null);
export const displayError = signal<FailureCode | null>(null);

export async function loadDisplaySettings(): Promise<void> {
  try {
    displaySettings.value = await api.get('/api/settings/display', DisplaySettings);
    displayError.value = null;
  } catch (e) {
    displayError.value = failureCode(e);
  }
}

export async function saveDisplaySettings(body: DisplaySettingsBody): Promise<{ ok: true; saved: DisplaySettings } | { ok: false; error: FailureCode }> {
  try {
    const saved = await api.post('/api/settings/display', body, DisplaySettings);
    displaySettings.value = saved;
    return { ok: true, saved };
  } catch (e) {
    return { ok: false, error: failureCode(e) };
  }
}
