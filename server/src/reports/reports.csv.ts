/**
 * Report tables as CSV (RFC 4180: CRLF line ends; a field with a comma,
 * quote or line break is quoted, quotes doubled). A text cell starting with
 * = + - @ (or a tab / carriage return) is prefixed with ' so a spreadsheet
 * never runs it as a formula; numbers are written as numbers.
 */
import type { Report, ReportTable } from '../../../shared/protocol/reports.ts';

type Cell = string | number | null;

export function csvCell(v: Cell): string {
  if (v === null) return '';
  let s = typeof v === 'number' ? String(v) : v;
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Cell[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function reportTable(report: Report, table: ReportTable): Cell[][] {
  const r = report;
  switch (table) {
    case 'requests_by_kind':
      return [['kind', 'requests', 'completed', 'no_shows', 'cancelled'], ...r.requests.byKind.map((k) => [k.kind, k.count, k.completed, k.noShows, k.cancelled])];
    case 'wait_times':
      return [
        ['kind', 'wait_median_s', 'wait_p90_s', 'service_median_s', 'service_p90_s'],
        ...r.requests.byKind.map((k) => [k.kind, k.waitMedian, k.waitP90, k.serviceMedian, k.serviceP90]),
        ['all', r.requests.waitMedian, r.requests.waitP90, r.requests.serviceMedian, r.requests.serviceP90],
      ];
    case 'issues_by_category':
      return [['category', 'complaints'], ...r.complaints.byCategory.map((c) => [c.key, c.count])];
    case 'issues_by_department':
      return [['department', 'complaints'], ...r.complaints.byDepartment.map((c) => [c.key, c.count])];
    case 'issues_by_state':
      return [['state', 'complaints'], ...r.complaints.byState.map((c) => [c.key, c.count])];
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
