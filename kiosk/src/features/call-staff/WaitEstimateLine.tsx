import type { WaitQuote } from '../../../../shared/protocol/wait-stats.ts';
import { t } from '../../i18n/locale.store.ts';
import { quoteWords } from './wait-estimate.ts';

/** "Estimated wait: about 4–7 minutes": the quote taken with the ticket and stored with it (see wait-estimate.ts). */
export function WaitEstimateLine({ quote }: { quote: WaitQuote | null }) {
  if (!quote) return null;
  const w = quoteWords(quote);
  return (
    <p class="ticket__estimate" data-testid="wait-estimate" data-low={quote.low} data-high={quote.high}>
      {w.kind === 'under' ? t('ticket.estimateUnder', { n: w.minutes }) : t('ticket.estimateRange', { low: w.low, high: w.high })}
    </p>
  );
}
