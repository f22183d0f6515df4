import type { ServiceRow } from '../../../../shared/protocol/reports.ts';
import { locale, t } from '../../i18n/i18n.ts';
import { serviceName } from '../services/services.queries.ts';
import { duration } from './duration.ts';

/** Which catalog services a report lists: every active one (a zero says nobody asked), a retired one only when it was asked for in the period. */
export function shownServiceRows(rows: readonly ServiceRow[]): ServiceRow[] {
  return rows.filter((s) => !s.retired || s.count > 0);
}

/**
 * The rows under "Hotel services" in the by-kind table: one per catalog service, in the
 * catalog's order, named in the staff language; a retired one is marked. A server without
 * per-service figures sends none, and the kind row alone stays.
 */
export function ServiceRows({ rows }: { rows: readonly ServiceRow[] }) {
  return (
    <>
      {shownServiceRows(rows).map((s) => (
        <tr key={s.service} class={`report-service-row${s.retired ? ' report-service-retired' : ''}`} data-testid="report-service" data-service={s.service} data-retired={String(s.retired)}>
          <th scope="row">
            <span class="report-service-name">{serviceName(s, locale.value)}</span>
            {s.retired && <span class="report-service-tag">{t('reports.services.retired')}</span>}
          </th>
          <td class="num strong" data-testid="report-service-count">
            {s.count}
          </td>
          <td class="num">{duration(s.waitMedian)}</td>
          <td class="num">{duration(s.waitP90)}</td>
          <td class="num">{duration(s.serviceMedian)}</td>
          <td class="num">{duration(s.serviceP90)}</td>
          <td class="num">{s.noShows}</td>
          <td class="num">{s.cancelled}</td>
        </tr>
      ))}
    </>
  );
}
