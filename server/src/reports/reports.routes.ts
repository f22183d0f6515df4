import { Readable } from 'node:stream';
import { Report, ReportCsvQuery, ReportQuery, TicketsCsvQuery } from '../../../shared/protocol/reports.ts';
import { SUPERVISORS } from '../auth/principal.ts';
import { staffRoute } from '../http/route.ts';
import { reportTable, toCsv } from './reports.csv.ts';
import { buildReport } from './reports.service.ts';
import { ticketExport } from './tickets.export.ts';

/** Reports (日报 / 周报 / 月报) for supervisors and managers: the JSON document, each table as CSV, and every ticket as CSV. */
export const reportRoutes = [
  staffRoute({
    method: 'GET',
    url: '/api/reports',
    access: SUPERVISORS,
    tags: ['Reports'],
    summary: 'The report of a day, week or month',
    description: "Computed in the property's time zone; durations are seconds, a median or percentile is null when nothing was measured.",
    query: ReportQuery,
    response: Report,
    async handler({ query: q, reply, who, deps }) {
      reply.header('cache-control', 'no-store');
      return buildReport(deps.store.db, who.propertyId, q, deps.now());
    },
  }),
  staffRoute({
    method: 'GET',
    url: '/api/reports.csv',
    access: SUPERVISORS,
    tags: ['Reports'],
    summary: "One table of a report as CSV",
    query: ReportCsvQuery,
    response: { mediaType: 'text/csv', description: 'UTF-8 CSV with a header row in the chosen language, as an attachment.' },
    async handler({ query: q, reply, who, deps }) {
      const report = await buildReport(deps.store.db, who.propertyId, q, deps.now());
      const name = `lobbydesk-${q.table}-${q.period}-${report.from}.csv`;
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store');
      return toCsv(reportTable(report, q.table, q.lang));
    },
  }),
  staffRoute({
    method: 'GET',
    url: '/api/reports/tickets.csv',
    access: SUPERVISORS,
    tags: ['Reports'],
    summary: 'Every ticket taken in the period, as CSV',
    query: TicketsCsvQuery,
    response: { mediaType: 'text/csv', description: 'UTF-8 CSV, one row per ticket, streamed, as an attachment.' },
    async handler({ query: q, reply, who, deps }) {
      const file = await ticketExport(deps.store.db, who.propertyId, q);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .header('cache-control', 'no-store');
      // Streamed a page at a time: a long period never sits in memory.
      return reply.send(Readable.from(file.chunks, { objectMode: false }));
    },
  }),
];
