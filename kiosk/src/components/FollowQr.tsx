import { useQr } from '../features/luggage/qr.ts';
import { t } from '../i18n/locale.store.ts';
import { followUrl } from '../sync/state.ts';

/**
 * "Scan to follow your number on your phone": the QR of `<base>/t/<token>` (issue #14), on the guest's own
 * ticket screen (and receipt). `qrcode` loads only when a ticket is shown, never with the first page.
 * Nothing without a token (tickets from before, or not yet read).
 */
export function FollowQr({ token, variant = 'screen' }: { token: string | null | undefined; variant?: 'screen' | 'receipt' }) {
  const url = token ? followUrl(token) : null;
  const qr = useQr(url);
  if (!url) return null;
  if (variant === 'receipt') {
    return (
      <div class="receipt__follow">
        {qr && <img class="receipt__follow-qr" src={qr} alt="" width={160} height={160} />}
        <p class="receipt__note">{t('follow.scan')}</p>
      </div>
    );
  }
  return (
    <figure class="follow-qr" data-testid="follow-qr" data-url={url}>
      <div class="follow-qr__box">{qr ? <img class="follow-qr__img" src={qr} alt="" width={150} height={150} /> : <span class="spinner" aria-hidden="true" />}</div>
      <figcaption class="follow-qr__line">{t('follow.scan')}</figcaption>
    </figure>
  );
}
