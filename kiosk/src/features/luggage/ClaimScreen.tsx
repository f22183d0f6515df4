import { FollowQr } from '../../components/FollowQr.tsx';
import { Icon } from '../../components/Icon.tsx';
import { ResultScreen, TicketNumber } from '../../components/ResultScreen.tsx';
import { locale, t } from '../../i18n/locale.store.ts';
import { me } from '../../sync/state.ts';
import { claim } from './luggage.store.ts';
import { useQr } from './qr.ts';

/** Long enough to take a photo of the code or print the receipt. */
export const CLAIM_SCREEN_MS = 60_000;

function when(iso: string | null, l: string): string | null {
  if (!iso) return null;
  return new Intl.DateTimeFormat(l, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/**
 * The claim ticket: number, claim code and its QR, bags and pick-up time; and
 * an 80 mm receipt of the same, shown only when printing (styles/print.css).
 */
export function ClaimScreen() {
  const c = claim.value;
  const qr = useQr(c?.claimCode ?? null);
  if (!c) return <section class="screen ticket" aria-busy="true" />;
  const l = locale.value;
  const pickup = when(c.expectedPickupAt, l);
  const details = (
    <dl class="claim__facts">
      <div>
        <dt>{t('claim.bags')}</dt>
        <dd>{c.bags}</dd>
      </div>
      <div>
        <dt>{t('claim.pickup')}</dt>
        <dd>{pickup ?? t('claim.pickupOpen')}</dd>
      </div>
    </dl>
  );
  return (
    <>
      <ResultScreen
        ms={CLAIM_SCREEN_MS}
        class="claim"
        follow={c.follow}
        side={
          <button type="button" class="btn btn--secondary btn--wide" data-testid="print-receipt" onClick={() => window.print()}>
            <Icon name="print" />
            {t('claim.print')}
          </button>
        }
      >
        <TicketNumber ticket={c.ticket} />
        <p class="claim__label">{t('claim.code')}</p>
        <p class="claim__code" data-testid="claim-code" aria-label={c.claimCode.split('').join(' ')}>
          {c.claimCode}
        </p>
        <div class="claim__qr-box">{qr ? <img class="claim__qr" data-testid="claim-qr" src={qr} alt={t('claim.qrAlt')} width={240} height={240} /> : <span class="spinner" aria-hidden="true" />}</div>
        {details}
        <p class="ticket__wait">{t('claim.keep')}</p>
      </ResultScreen>
      <article class="receipt" aria-hidden="true">
        <p class="receipt__property">{me.value?.property.name}</p>
        <p class="receipt__title">{t('claim.receiptTitle')}</p>
        <p class="receipt__label">{t('ticket.yourNumber')}</p>
        <p class="receipt__ticket">{c.ticket}</p>
        <p class="receipt__label">{t('claim.code')}</p>
        <p class="receipt__code">{c.claimCode}</p>
        {qr && <img class="receipt__qr" src={qr} alt="" width={200} height={200} />}
        {details}
        <p class="receipt__note">{t('claim.keep')}</p>
        <FollowQr token={c.follow} variant="receipt" />
        <p class="receipt__time">{when(new Date().toISOString(), l)}</p>
      </article>
    </>
  );
}
