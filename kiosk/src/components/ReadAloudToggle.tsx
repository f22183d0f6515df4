import { canReadAloud, readAloud, toggleReadAloud } from '../app/read-aloud.ts';
import { t } from '../i18n/locale.store.ts';
import { Icon } from './Icon.tsx';

/** The speaker in the top bar: reads each screen aloud while pressed. Absent where the browser cannot speak. */
export function ReadAloudToggle() {
  if (!canReadAloud()) return null;
  const on = readAloud.value;
  return (
    <button type="button" class={`read-aloud ${on ? 'read-aloud--on' : ''}`} aria-pressed={on} data-testid="read-aloud" onClick={toggleReadAloud}>
      <Icon name="speaker" class="read-aloud__icon" />
      <span class="read-aloud__label">{t('readAloud.label')}</span>
    </button>
  );
}
