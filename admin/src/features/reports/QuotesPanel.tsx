import type { Report, ReportPeriod } from '../../../../shared/protocol/reports.ts';
import { locale, t } from '../../i18n/i18n.ts';
import { csvHref } from '../../sync/reports.ts';
import { duration } from './duration.ts';
import { percent } from './reports.queries.ts';

const wholeMinutes = (s: number | null) => (s === null ? null : Math.round(s / 60));

/** Quoted vs actual wait per kind: what the kiosk told guests with their tickets against how long they then waited. */
export function QuotesPanel({ r, period, date }: { r: Report; period: ReportPeriod; date: string }) {
  const none = t('reports.kpi.none');
  const rows = r.requests.quotedVsActual.filter((q) => q.quoted > 0);
  return (
    <section class="panel panel-wide" data-testid="report-quotes">
      <header class="panel-head">
        <h2>{t('reports.quotes')}</h2>
        <a class="btn btn-secondary btn-csv" data-testid="csv-wait_quotes" href={csvHref(period, date, 'wait_quotes', locale.value)} download>
          {t('reports.csv')}
        </a>
      </header>
      {rows.length === 0 ? (
        <p class="chart-empty">{t('reports.quotes.none')}</p>
      ) : (
        <table class="report-table">
          <thead>
            <tr>
              <th>{t('reports.col.kind')}</th>
              <th>{t('reports.quotes.col.quoted')}</th>
              <th>{t('reports.quotes.col.quotedMedian')}</th>
              <th>{t('reports.quotes.col.actualMedian')}</th>
              <th>{t('reports.quotes.col.longer')}</th>
              <th>{t('reports.quotes.col.shorter')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((q) => {
              const low = wholeMinutes(q.quotedLowMedian);
              const high = wholeMinutes(q.quotedHighMedian);
              return (
                <tr key={q.kind} data-quote-kind={q.kind}>
                  <th scope="row">{t(`reports.kind.${q.kind}`)}</th>
                  <td class="num strong">{q.quoted}</td>
                  <td class="num" data-testid={`quote-median-${q.kind}`}>
                    {low === null || high === null ? none : t('reports.quotes.range', { low, high })}
                  </td>
                  <td class="num" data-testid={`quote-actual-${q.kind}`}>
                    {duration(q.actualMedian)}
                  </td>
                  <td class={`num ${q.longerShare && q.longerShare > 0.25 ? 'warn-text' : ''}`} data-testid={`quote-longer-${q.kind}`}>
                    {percent(q.longerShare) ?? none}
                  </td>
                  <td class="num" data-testid={`quote-shorter-${q.kind}`}>
                    {percent(q.shorterShare) ?? none}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p class="panel-note">{t('reports.quotes.note')}</p>
    </section>
  );
}
