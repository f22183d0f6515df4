import { t } from '../../i18n/i18n.ts';
import { splitDuration } from './reports.queries.ts';

/** Seconds as the screen shows them: "45 s", "3 min 20 s", "2 h 5 min", or "—" when nothing was measured. */
export function duration(seconds: number | null): string {
  const d = splitDuration(seconds);
  if (!d) return t('reports.kpi.none');
  if (d.unit === 's') return t('reports.duration.s', { n: d.n });
  if (d.unit === 'm') return t('reports.duration.m', { m: d.m, s: d.s });
  return t('reports.duration.h', { h: d.h, m: d.m });
}
