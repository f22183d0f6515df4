import type { FollowView } from '../../../shared/protocol/follow.ts';
import { useQr } from '../../src/features/luggage/qr.ts';
import { t } from './i18n.ts';

/** The claim code large and its QR (the kiosk's generator, loaded only here): the phone is the claim ticket. */
export function Luggage({ luggage }: { luggage: NonNullable<FollowView['luggage']> }) {
  const qr = useQr(luggage.claimCode);
  return (
    <section class="card claim" aria-labelledby="claim-title" data-testid="follow-luggage">
      {luggage.ready && (
        <p class="ready" data-testid="follow-bags-ready" role="status">
          {t('bagsReady')}
        </p>
      )}
      <h2 id="claim-title" class="label">
        {t('claimTitle')}
      </h2>
      <p class="code" data-testid="follow-claim-code" aria-label={luggage.claimCode.split('').join(' ')}>
        {luggage.claimCode}
      </p>
      <div class="qr-box">
        {qr ? <img class="qr" data-testid="follow-claim-qr" src={qr} alt={t('claimQr', { code: luggage.claimCode })} width={220} height={220} /> : <span class="spinner" aria-hidden="true" />}
      </div>
      <p class="note">{t('claimHint')}</p>
      {luggage.bags !== null && <p class="note">{luggage.bags === 1 ? t('bagsOne') : t('bags', { n: luggage.bags })}</p>}
      {luggage.stored && !luggage.ready && <p class="note">{t('bagsStored')}</p>}
    </section>
  );
}
