import { useRef, useState } from 'preact/hooks';
import { Keypad } from '../../components/Keypad.tsx';
import { errorText, t } from '../../i18n/locale.store.ts';
import { pair } from '../../sync/actions.ts';
import { NotAKioskError, setupNotice } from '../../sync/state.ts';
import { KEYPAD_KEYS, PAIRING_CODE_LENGTH, isCompleteCode, normalizeCode } from './pairing-code.ts';

/** For staff: pair this screen with the property using a code made in the admin app. */
export function SetupScreen() {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const update = (next: string) => {
    setCode(normalizeCode(next));
    setError(null);
  };
  const submit = async (e?: Event) => {
    e?.preventDefault();
    if (busy) return;
    if (!isCompleteCode(code)) {
      setError(t('setup.format'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await pair(code);
    } catch (err) {
      setError(err instanceof NotAKioskError ? t('setup.notKiosk') : errorText(err));
      setBusy(false);
    }
  };

  return (
    <form class="screen setup" onSubmit={(e) => void submit(e)} autocomplete="off">
      <div class="setup__intro">
        <p class="eyebrow">{t('setup.staffOnly')}</p>
        <h1 class="title" tabIndex={-1} data-autofocus>
          {t('setup.title')}
        </h1>
        <p class="lead">{setupNotice.value === 'revoked' ? t('setup.revoked') : t('setup.intro')}</p>
        <label class="field setup__field">
          <span class="field__label">{t('setup.code')}</span>
          <input
            ref={input}
            class="field__input code-input"
            data-testid="pair-code"
            value={code}
            maxLength={PAIRING_CODE_LENGTH + 4}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            placeholder="••••••••"
            aria-invalid={error !== null}
            aria-describedby="pair-error"
            onInput={(e) => update(e.currentTarget.value)}
          />
        </label>
        <p id="pair-error" class="alert" role="alert" hidden={!error} data-testid="pair-error">
          {error}
        </p>
      </div>
      <div class="setup__pad">
        <Keypad keys={KEYPAD_KEYS} value={code} onChange={update} deleteLabel={t('setup.delete')} clearLabel={t('setup.clear')} />
        <div class="actions">
          <button type="submit" class="btn btn--primary btn--wide" data-testid="pair-submit" disabled={busy} aria-busy={busy}>
            {busy ? t('setup.working') : t('setup.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}
