/**
 * The per-ticket export (`GET /api/reports/tickets.csv`): one row per ticket
 * taken in the period — taken, called, served, kind and status in the staff's
 * language, desk, agent, wait, service time, the wait quoted to the guest,
 * the guest's rating and, for a catalog service, its name — streamed page by page (tickets.repo.ts). The
 * first page is read before anything is sent, so a database that is away
 * answers a clean 503 instead of a cut-off file.
 */
import { Service } from '../../../shared/domain/service.ts';
import type { ReportLang, ReportQuery } from '../../../shared/protocol/reports.ts';
import type { Db } from '../store/store.ts';
import { serviceLabel, staffLabel, staffText } from './report-labels.ts';
import { CSV_BOM, csvRow, type Cell } from './reports.csv.ts';
import { periodRange } from './reports.period.ts';
import * as repo from './reports.repo.ts';
import { ticketPage, TICKET_PAGE, type TicketLine } from './tickets.repo.ts';

const minutes = (s: number | null): number | null => (s === null || s === undefined ? null : Math.round((Number(s) / 60) * 10) / 10);

export function ticketHeader(lang: ReportLang): Cell[] {
  const h = (k: Parameters<typeof staffText>[1]) => staffText(lang, k);
  return [
    h('reports.export.ticket'),
    h('reports.export.taken'),
    h('reports.export.called'),
    h('reports.export.served'),
    h('reports.export.kind'),
    h('reports.export.status'),
    h('reports.export.desk'),
    h('reports.export.agent'),
    h('reports.export.wait'),
    h('reports.export.service'),
    h('reports.export.quotedLow'),
    h('reports.export.quotedHigh'),
    h('reports.export.rating'),
    h('reports.export.serviceName'),
  ];
}

export function ticketCells(t: TicketLine, lang: ReportLang): Cell[] {
  return [
    t.ticket,
    t.taken,
    t.called,
    t.served,
    staffLabel(lang, 'reports.kind.', t.kind),
    staffLabel(lang, 'status.', t.status),
    t.desk,
    t.agent,
    minutes(t.wait_s),
    minutes(t.service_s),
    minutes(t.quoted_low_s),
    minutes(t.quoted_high_s),
    t.rating,
    serviceName(t.service_names, lang),
  ];
}

/** A catalog service's name in the staff's language (stored names are checked; anything else is no name). */
function serviceName(raw: unknown, lang: ReportLang): string | null {
  const names = Service.shape.names.safeParse(typeof raw === 'string' ? safeJson(raw) : raw);
  return names.success ? serviceLabel(lang, names.data) : null;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/** The file name and the CSV text, in chunks (BOM and header first, then a chunk per page). */
export async function ticketExport(db: Db, propertyId: string, q: ReportQuery & { lang: ReportLang }): Promise<{ name: string; chunks: AsyncIterable<string> }> {
  const timeZone = await repo.propertyTimeZone(db, propertyId);
  const { from, toExclusive } = periodRange(q.period, q.date);
  const w: repo.Window = { propertyId, timeZone, ...(await repo.windowBounds(db, from, toExclusive, timeZone)) };
  const first = await ticketPage(db, w, null);
  async function* chunks(): AsyncIterable<string> {
    yield CSV_BOM + csvRow(ticketHeader(q.lang));
    let page = first;
    for (;;) {
      if (page.length > 0) yield page.map((t) => csvRow(ticketCells(t, q.lang))).join('');
      if (page.length < TICKET_PAGE) return;
      const last = page[page.length - 1]!;
      page = await ticketPage(db, w, { at: last.cursor_at, id: last.id });
    }
  }
  return { name: `lobbydesk-tickets-${q.period}-${from}.csv`, chunks: chunks() };
}
