/**
 * Reports as the tablet reads them: `GET /api/reports` for the chosen
 * period (loaded on demand; reports are not on the live feed) and the
 * address of each CSV table. Screens read the signals and call the functions.
 */
import { signal } from '@preact/signals';
import { Report, type ReportLang, type ReportPeriod, type ReportTable } from '../../../shared/protocol/reports.ts';
import { api, failureCode, type FailureCode } from './api.ts';

export const report = signal<Report | null>(null);
export const reportError = signal<FailureCode | null>(null);
export const reportLoading = signal(false);

let latest = 0;

export async function loadReport(period: ReportPeriod, date: string): Promise<void> {
  const mine = ++latest;
  reportLoading.value = true;
  try {
    const res = await api.get(`/api/reports?${new URLSearchParams({ period, date })}`, Report);
    if (mine !== latest) return; // a newer choice is on its way
    report.value = res;
    reportError.value = null;
  } catch (e) {
    if (mine === latest) reportError.value = failureCode(e);
  } finally {
    if (mine === latest) reportLoading.value = false;
  }
}

/** Same-origin GET with the session cookie; the server answers `Content-Disposition: attachment`, names in the staff's language. */
export function csvHref(period: ReportPeriod, date: string, table: ReportTable, lang: ReportLang): string {
  return `/api/reports.csv?${new URLSearchParams({ period, date, table, lang })}`;
}

/** Every ticket of the period as CSV (streamed by the server), headers and names in the staff's language. */
export function ticketsCsvHref(period: ReportPeriod, date: string, lang: ReportLang): string {
  return `/api/reports/tickets.csv?${new URLSearchParams({ period, date, lang })}`;
}
