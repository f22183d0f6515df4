import { useState } from 'preact/hooks';
import { t } from '../../i18n/locale.store.ts';
import { useCameraScan } from '../scan/use-camera-scan.ts';
import { cardBusy, submitCardToken } from './balance.store.ts';

/**
 * The camera half of the card screen: a live preview and the scan loop
 * (loaded on first use). A code that is not a valid card shows its message
 * and the scanner keeps running; leaving the screen stops the camera.
 */
export function CardScanner() {
  const [round, setRound] = useState(0);
  const { video, state } = useCameraScan((text, live) => {
    // One read per round: look it up, then scan again unless the balance is showing.
    void submitCardToken(text).finally(() => {
      if (live()) setRound((r) => r + 1);
    });
  }, [round]);

  return (
    <div class="card-scan" data-testid="card-scanner" data-state={state}>
      <video ref={video} class="card-scan__video" muted playsInline aria-hidden="true" />
      <p class="card-scan__hint">{state === 'unavailable' ? t('card.camera_unavailable') : cardBusy.value ? t('card.working') : t('card.scan_hint')}</p>
    </div>
  );
}
