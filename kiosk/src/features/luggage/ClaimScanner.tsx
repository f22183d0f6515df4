import { Icon } from '../../components/Icon.tsx';
import { t } from '../../i18n/locale.store.ts';
import { useCameraScan } from '../scan/use-camera-scan.ts';
import { ClaimCodeRefused, luggageError, startPickupWithCode } from './luggage.store.ts';
import './claim-scan.css';

/** What a claim QR holds: the code alone (8 characters, or 9 with the check character). */
const CLAIM_QR = /^[A-HJ-NP-Z2-9]{8,9}$/;

/**
 * The camera for the claim ticket's QR, over the pick-up screen (opened by
 * its "Scan" button, so the screen's layout does not change). The first
 * read closes it: a claim code is checked and submitted like a typed one
 * (`startPickupWithCode`); any other QR gets "not a claim ticket". Closing
 * or leaving the screen stops the camera. A USB scanner needs none of this:
 * app/scan-router.ts routes a scanned claim code from any screen.
 */
export function ClaimScanner({ onClose }: { onClose: () => void }) {
  const { video, state } = useCameraScan((raw) => {
    const text = raw.trim().toUpperCase();
    onClose();
    if (CLAIM_QR.test(text)) void startPickupWithCode(text);
    else luggageError.value = new ClaimCodeRefused('not_claim');
  }, [onClose]);

  return (
    <div class="claim-scan" role="dialog" aria-modal="true" aria-labelledby="claim-scan-hint" data-testid="claim-scanner" data-state={state}>
      <video ref={video} class="card-scan__video claim-scan__video" muted playsInline aria-hidden="true" />
      <p id="claim-scan-hint" class="claim-scan__hint">
        {state === 'unavailable' ? t('pickup.camera_unavailable') : t('pickup.scan_hint')}
      </p>
      <button type="button" class="btn btn--ghost claim-scan__close" data-testid="claim-scan-close" onClick={onClose}>
        <Icon name="back" />
        {t('common.back')}
      </button>
    </div>
  );
}
