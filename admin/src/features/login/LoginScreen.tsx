import { useEffect, useState } from 'preact/hooks';
import { errorKey } from '../../i18n/admin.ts';
import { t } from '../../i18n/i18n.ts';
import { login } from '../../sync/session.ts';
import type { FailureCode } from '../../sync/api.ts';
import { LanguageToggle } from '../shell/LanguageToggle.tsx';
import { PinPad } from './PinPad.tsx';
import { signInWait, waitText, type SignInWait } from './wait.ts';

const PIN_MAX = 8;

type LoginError = FailureCode | 'missing_id' | 'missing_pin';

function errorText(e: LoginError): string {
  if (e === 'missing_id') return t('login.missingStaffId');
  if (e === 'missing_pin') return t('login.missingPin');
  return t(errorKey(e));
}

/** Staff id + PIN, with a large keypad for the touchscreen; the PIN field also takes typing. */
export function LoginScreen({ initialError }: { initialError: FailureCode | null }) {
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<LoginError | null>(initialError);
  const [busy, setBusy] = useState(false);
  // Refused for too many attempts: the wait the server gave, counted down on screen.
  const [wait, setWait] = useState<SignInWait | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!wait) return;
    const tick = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= wait.until) {
        setWait(null);
        setError(null);
      }
    }, 1000);
    return () => clearInterval(tick);
  }, [wait]);

  async function submit(e?: Event) {
    e?.preventDefault();
    if (busy) return;
    if (!staffId.trim()) return setError('missing_id');
    if (!/^\d{4,8}$/.test(pin)) return setError('missing_pin');
    setBusy(true);
    setError(null);
    setWait(null);
    let held: SignInWait | null = null;
    const failed = await login(staffId, pin, (e) => (held = signInWait(e)));
    setBusy(false);
    setNow(Date.now());
    setWait(held);
    if (failed) {
      setError(failed);
      setPin('');
    }
  }

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} autocomplete="off">
        <div class="login-top">
          <h1>{t('login.title')}</h1>
          <LanguageToggle />
        </div>
        <label class="field">
          <span>{t('login.staffId')}</span>
          <input
            data-testid="staff-id"
            value={staffId}
            onInput={(e) => setStaffId(e.currentTarget.value)}
            autocapitalize="off"
            autocorrect="off"
            spellcheck={false}
            maxLength={40}
            autoFocus
          />
        </label>
        <label class="field">
          <span>{t('login.pin')}</span>
          <input
            data-testid="pin"
            class="pin-input"
            type="password"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={PIN_MAX}
            value={pin}
            onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, PIN_MAX))}
          />
        </label>
        <PinPad
          onDigit={(d) => setPin((p) => (p.length < PIN_MAX ? p + d : p))}
          onBackspace={() => setPin((p) => p.slice(0, -1))}
          onClear={() => setPin('')}
        />
        <p class="login-error" data-testid="login-error" role="alert" hidden={!error}>
          {wait ? <WaitMessage wait={wait} now={now} /> : error ? errorText(error) : ''}
        </p>
        <button type="submit" class="btn btn-primary btn-block" data-testid="login-submit" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}

function WaitMessage({ wait, now }: { wait: SignInWait; now: number }) {
  const { key, n } = waitText(wait.until - now);
  return (
    <>
      {t(key, { n })}
      {wait.accountLocked ? <span class="login-hint"> {t('login.waitOwnTablet')}</span> : null}
    </>
  );
}
