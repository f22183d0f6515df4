import { Readable } from 'node:stream';
import { ReportCsvQuery, ReportQuery, TicketsCsvQuery } from '../../../shared/protocol/reports.ts';
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
    query: ReportQuery,
    async handler({ query: q, reply, who, deps }) {
      reply.header('cache-control', 'no-store');
      return buildReport(deps.store.db, who.propertyId, q, deps.now());
    },
  }),
  staffRoute({
    method: 'GET',
    url: '/api/reports.csv',
    access: SUPERVISORS,
    query: ReportCsvQuery,
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
    query: TicketsCsvQuery,
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
