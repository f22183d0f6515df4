import { useCallback, useRef, useState } from 'preact/hooks';
import { claimCodeProblem } from '../../../../shared/domain/claim-code.ts';
import { FormActions } from '../../components/GuestForm.tsx';
import { Keypad } from '../../components/Keypad.tsx';
import { errorText, t } from '../../i18n/locale.store.ts';
import { CLAIM_ALPHABET, CLAIM_CODE_LENGTH } from './claim-code.ts';
import { ClaimScanner } from './ClaimScanner.tsx';
import { Icon } from '../../components/Icon.tsx';
import { ClaimCodeRefused, confirmPickup, luggageBusy, luggageError, pickupCode, typePickupCode } from './luggage.store.ts';

const KEYS = CLAIM_ALPHABET.split('');

function messageFor(error: unknown): string | null {
  if (error === null) return null;
  return error instanceof ClaimCodeRefused ? t(`pickup.${error.reason}`) : errorText(error);
}

/**
 * The guest types the claim code from the ticket (a scanned claim QR calls
 * `startPickupWithCode`). A wrong check character is shown as soon as the
 * ninth character is typed; a code the ledger does not know, on Collect.
 */
export function PickupScreen() {
  const code = pickupCode.value;
  const busy = luggageBusy.value;
  const input = useRef<HTMLInputElement>(null);
  const [scanning, setScanning] = useState(false);
  const closeScanner = useCallback(() => setScanning(false), []);
  const problem = claimCodeProblem(code);
  // A typo cannot be sent: its message shows, and Collect stays off until the code is fixed.
  const complete = problem === null;
  const message = problem === 'typo' ? t('pickup.typo') : messageFor(luggageError.value);
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
        <button type="button" class="btn btn--ghost pickup__scan" data-testid="claim-scan" onClick={() => setScanning(true)} disabled={busy}>
          <Icon name="luggage_out" />
          {t('pickup.scan')}
        </button>
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
            placeholder="XXXXXXXXX"
            aria-invalid={message !== null}
            aria-describedby="pickup-error"
            onInput={(e) => typePickupCode(e.currentTarget.value)}
          />
        </label>
        <p id="pickup-error" class="alert" role="alert" hidden={message === null} data-testid="pickup-error">
          {message}
        </p>
      </div>
      <div class="setup__pad">
        <Keypad keys={KEYS} value={code} onChange={typePickupCode} deleteLabel={t('card.delete')} clearLabel={t('card.clear')} class="pickup__keypad" />
        <FormActions busy={busy} ready={complete} submitLabel={t('pickup.submit')} submitTestid="claim-submit" />
      </div>
      {scanning && <ClaimScanner onClose={closeScanner} />}
    </form>
  );
}
