/**
 * Report tables as CSV that opens cleanly in Excel and WPS: UTF-8 with a BOM
 * (so Chinese text is read as UTF-8), RFC 4180 (CRLF line ends; a field with
 * a comma, quote or line break is quoted, quotes doubled). A text cell
 * starting with = + - @ (or a tab / carriage return) is prefixed with ' so a
 * spreadsheet never runs it as a formula; numbers are written as numbers.
 * Kinds, states, categories and departments are named in the staff's language.
 */
import type { Report, ReportLang, ReportTable } from '../../../shared/protocol/reports.ts';
import { serviceLabel, staffLabel, staffText } from './report-labels.ts';

export type Cell = string | number | null;

/** U+FEFF at the very start: Excel and WPS then read the file as UTF-8 instead of the system code page. */
export const CSV_BOM = '\uFEFF';

export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, CRLF included. */
export function csvRow(cells: Cell[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

/** A whole file: the BOM, then every record. */
export function toCsv(rows: Cell[][]): string {
  return CSV_BOM + rows.map(csvRow).join('');
}

export function reportTable(report: Report, table: ReportTable, lang: ReportLang = 'en'): Cell[][] {
  const r = report;
  const kind = (k: string) => staffLabel(lang, 'reports.kind.', k);
  switch (table) {
    case 'requests_by_kind':
      return [['kind', 'requests', 'completed', 'no_shows', 'cancelled'], ...r.requests.byKind.map((k) => [kind(k.kind), k.count, k.completed, k.noShows, k.cancelled])];
    case 'requests_by_service':
      return [
        ['service', 'code', 'retired', 'requests', 'completed', 'no_shows', 'cancelled', 'wait_median_s', 'service_median_s'],
        ...r.requests.byService.map((k) => [serviceLabel(lang, k.names), k.service, k.retired ? 1 : 0, k.count, k.completed, k.noShows, k.cancelled, k.waitMedian, k.serviceMedian]),
      ];
    case 'wait_times':
      return [
        ['kind', 'wait_median_s', 'wait_p90_s', 'service_median_s', 'service_p90_s'],
        ...r.requests.byKind.map((k) => [kind(k.kind), k.waitMedian, k.waitP90, k.serviceMedian, k.serviceP90]),
        [staffText(lang, 'reports.all'), r.requests.waitMedian, r.requests.waitP90, r.requests.serviceMedian, r.requests.serviceP90],
      ];
    case 'wait_quotes':
      return [
        ['kind', 'quoted', 'called', 'quoted_low_median_s', 'quoted_high_median_s', 'actual_wait_median_s', 'longer_than_quoted', 'called_before_quote'],
        ...r.requests.quotedVsActual.map((q) => [kind(q.kind), q.quoted, q.called, q.quotedLowMedian, q.quotedHighMedian, q.actualMedian, q.longerShare, q.shorterShare]),
      ];
    case 'issues_by_category':
      return [['category', 'complaints'], ...r.complaints.byCategory.map((c) => [staffLabel(lang, 'reports.category.', c.key), c.count])];
    case 'issues_by_department':
      return [['department', 'complaints'], ...r.complaints.byDepartment.map((c) => [staffLabel(lang, 'reports.dept.', c.key), c.count])];
    case 'issues_by_state':
      return [['state', 'complaints'], ...r.complaints.byState.map((c) => [staffLabel(lang, 'issueStatus.', c.key), c.count])];
    case 'satisfaction':
      return [
        ['responses', 'satisfied', 'rate', 'average'],
        [r.satisfaction.count, r.satisfaction.satisfied, r.satisfaction.rate === null ? null : Math.round(r.satisfaction.rate * 10000) / 10000, r.satisfaction.average],
      ];
    case 'luggage':
      return [
        ['in_store_now', 'overdue_now', 'checked_in', 'handed_back'],
        [r.luggage.inStoreNow, r.luggage.overdueNow, r.luggage.checkedIn, r.luggage.handedBack],
      ];
    case 'daily':
      return [['day', 'requests', 'complaints'], ...r.daily.map((d) => [d.day, d.requests, d.complaints])];
  }
}
