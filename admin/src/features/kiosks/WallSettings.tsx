import { useEffect, useState } from 'preact/hooks';
import { errorKey } from '../../i18n/admin.ts';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../../../shared/i18n/locale.ts';
import type { StaffRole } from '../../../../shared/protocol/auth.ts';
import { PROPERTY_NAME_MAX, type WallLanguages } from '../../../../shared/protocol/display.ts';
import { clockTime, t } from '../../i18n/i18n.ts';
import type { FailureCode } from '../../sync/api.ts';
import { displayError, displaySettings, loadDisplaySettings, saveDisplaySettings } from '../../sync/display.ts';
import './wall-settings.css';

/**
 * The wall display's settings on the "Kiosks & displays" screen: the hotel's
 * name and one or two wall languages in order. Managers change them (the
 * server allows no one else); supervisors see them.
 */
export function WallSettings({ role }: { role: StaffRole }) {
  const current = displaySettings.value;
  useEffect(() => void loadDisplaySettings(), []);
  return (
    <section class="wall-settings" data-testid="wall-settings" aria-labelledby="wall-settings-title">
      <h2 id="wall-settings-title">{t('display.title')}</h2>
      <p class="wall-settings-hint">{t('display.hint')}</p>
      {!current ? (
        <p class="empty">{displayError.value ? t(errorKey(displayError.value)) : t('display.loading')}</p>
      ) : (
        <SettingsForm name={current.propertyName} languages={current.wallLanguages} canEdit={role === 'manager'} />
      )}
    </section>
  );
}

function SettingsForm({ name: initialName, languages, canEdit }: { name: string; languages: WallLanguages; canEdit: boolean }) {
  const [name, setName] = useState(initialName);
  const [first, setFirst] = useState<Locale>(languages[0] ?? 'en');
  const [second, setSecond] = useState<Locale | ''>(languages[1] ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FailureCode | 'missing_name' | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  async function save(e: Event) {
    e.preventDefault();
    if (!name.trim()) return setError('missing_name');
    setBusy(true);
    setError(null);
    const wallLanguages: WallLanguages = second && second !== first ? [first, second] : [first];
    const res = await saveDisplaySettings({ propertyName: name, wallLanguages });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setName(res.saved.propertyName); // as the server cleaned it
    setSavedAt(new Date().toISOString());
  }

  return (
    <form class="wall-settings-form" onSubmit={save}>
      <label class="field field-wide">
        <span>{t('display.name')}</span>
        <input data-testid="display-name" value={name} maxLength={PROPERTY_NAME_MAX} disabled={!canEdit} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('display.lang1')}</span>
        <select data-testid="display-lang1" value={first} disabled={!canEdit} onChange={(e) => setFirst(e.currentTarget.value as Locale)}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('display.lang2')}</span>
        <select data-testid="display-lang2" value={second === first ? '' : second} disabled={!canEdit} onChange={(e) => setSecond(e.currentTarget.value as Locale | '')}>
          <option value="">{t('display.langNone')}</option>
          {LOCALES.filter((l) => l !== first).map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      {canEdit ? (
        <div class="wall-settings-actions">
          <button type="submit" class="btn btn-primary" data-testid="display-save" disabled={busy}>
            {busy ? t('display.saving') : t('display.save')}
          </button>
          <p class="form-error" role="alert" hidden={!error}>
            {error === 'missing_name' ? t('display.missingName') : error ? t(errorKey(error)) : ''}
          </p>
          {savedAt && !error && (
            <p class="wall-settings-saved" role="status" data-testid="display-saved">
              {t('display.saved', { time: clockTime(savedAt) })}
            </p>
          )}
        </div>
      ) : (
        <p class="wall-settings-hint field-wide">{t('display.managerOnly')}</p>
      )}
    </form>
  );
}
