import { useRef } from 'preact/hooks';
import { FormActions, FormError } from '../../components/GuestForm.tsx';
import { Keypad } from '../../components/Keypad.tsx';
import { t } from '../../i18n/locale.store.ts';
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
        <FormError error={luggageError.value} />
      </div>
      <div class="setup__pad">
        <Keypad keys={KEYS} value={code} onChange={typePickupCode} deleteLabel={t('card.delete')} clearLabel={t('card.clear')} class="pickup__keypad" />
        <FormActions busy={busy} ready={complete} submitLabel={t('pickup.submit')} submitTestid="claim-submit" />
      </div>
    </form>
  );
}
