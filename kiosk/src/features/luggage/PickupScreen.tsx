import { useRef } from 'preact/hooks';
import { Icon } from '../../components/Icon.tsx';
import { errorText, t } from '../../i18n/locale.store.ts';
import { resetToHome } from '../call-staff/flow.store.ts';
import { CLAIM_ALPHABET, CLAIM_CODE_LENGTH, isClaimCode } from './claim-code.ts';
import { confirmPickup, luggageBusy, luggageError, pickupCode, typePickupCode } from './luggage.store.ts';

const KEYS = CLAIM_ALPHABET.split('');

/** The guest types the claim code from the ticket (a scanned claim QR calls `startPickupWithCode`). */
export function PickupScreen() {
  const code = pickupCode.value;
  const busy = luggageBusy.value;
  const input = useRef<HTMLInputElement>(null);
  const complete = isClaimCode(code);
  const submit = (e?: Event) => {
    e?.preventDefault();
    if (!complete) {
      input.current?.focus();
      return;
    }
    void confirmPickup();
  };
  const keep = (e: Event) => e.preventDefault();
  return (
    <form class="screen setup pickup" onSubmit={submit} autocomplete="off">
      <div class="setup__intro">
        <p class="eyebrow">{t('pickup.eyebrow')}</p>
        <h1 class="title" tabIndex={-1} data-autofocus>
          {t('pickup.title')}
        </h1>
        <p class="lead">{t('pickup.subtitle')}</p>
        <label class="field setup__field pickup__field">
          <span class="field__label">{t('claim.code')}</span>
          <input
            ref={input}
            class="field__input code-input"
            data-testid="claim-input"
            value={code}
            maxLength={CLAIM_CODE_LENGTH}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            placeholder="XXXXXXXX"
            onInput={(e) => typePickupCode(e.currentTarget.value)}
          />
        </label>
        {luggageError.value !== null && (
          <p class="alert" role="alert">
            {errorText(luggageError.value)}
          </p>
        )}
      </div>
      <div class="setup__pad">
        <div class="keypad pickup__keypad" aria-hidden="true">
          {KEYS.map((k) => (
            <button key={k} type="button" class="key" tabIndex={-1} onPointerDown={keep} onClick={() => typePickupCode(code + k)}>
              {k}
            </button>
          ))}
          <button type="button" class="key key--wide" tabIndex={-1} onPointerDown={keep} onClick={() => typePickupCode(code.slice(0, -1))}>
            {t('card.delete')}
          </button>
          <button type="button" class="key key--wide" tabIndex={-1} onPointerDown={keep} onClick={() => typePickupCode('')}>
            {t('card.clear')}
          </button>
        </div>
        <div class="actions">
          <button type="button" class="btn btn--ghost" onClick={resetToHome} disabled={busy}>
            <Icon name="back" />
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn btn--primary btn--wide" data-testid="claim-submit" disabled={busy || !complete} aria-busy={busy}>
            <Icon name="check" />
            {busy ? t('confirm.working') : t('pickup.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}
