import { useEffect, useState } from 'preact/hooks';
import { errorKey } from '../../i18n/admin.ts';
import type { MemberCardPrint } from '../../../../shared/protocol/members-staff.ts';
import { t } from '../../i18n/i18n.ts';
import { fetchCard } from '../../sync/members.ts';

/**
 * The printable card (85.6 × 54 mm): the signed QR token as SVG made by the
 * server with the property's card key, the typed code, name and tier. Print
 * styles hide everything else on the page.
 */
export function CardDialog({ memberId, onClose }: { memberId: string; onClose: () => void }) {
  const [card, setCard] = useState<MemberCardPrint | string | null>(null);
  useEffect(() => {
    void fetchCard(memberId).then(setCard);
  }, [memberId]);
  return (
    <div class="modal-backdrop print-root" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="modal card-modal" role="dialog" aria-modal="true" aria-labelledby="card-title" data-testid="card-dialog">
        <h2 id="card-title">{t('members.print.title')}</h2>
        {card === null ? (
          <p>{t('members.loading')}</p>
        ) : typeof card === 'string' ? (
          <p class="form-error">{t(errorKey(card as Parameters<typeof errorKey>[0]))}</p>
        ) : (
          <div class="print-card" data-testid="print-card-view" data-version={card.cardVersion}>
            {/* The SVG comes from our own server (qrcode library), not from user input. */}
            <div class="print-qr" dangerouslySetInnerHTML={{ __html: card.qrSvg }} />
            <div class="print-who">
              <strong class="print-name">{card.name}</strong>
              <span class="print-tier">{t(`members.tier.${card.tier}`)}</span>
              <span class="print-code" data-testid="print-card-code">
                {card.code}
              </span>
              <span class="print-ver">card v{card.cardVersion}</span>
            </div>
          </div>
        )}
        <div class="modal-actions no-print">
          <button type="button" class="btn btn-secondary" data-testid="card-close" onClick={onClose}>
            {t('members.print.close')}
          </button>
          <button type="button" class="btn btn-primary" data-testid="card-print-now" disabled={!card || typeof card === 'string'} onClick={() => window.print()}>
            {t('members.print.now')}
          </button>
        </div>
      </div>
    </div>
  );
}
