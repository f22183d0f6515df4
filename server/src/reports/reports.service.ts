/** Builds one report document for a period, in the property's time zone. */
import { RequestKind } from '../../../shared/domain/request.ts';
import { ServiceCode } from '../../../shared/domain/service.ts';
import { REPORT_NONE, type KindRow, type QuoteRow, type Report, type ReportQuery, type ServiceRow } from '../../../shared/protocol/reports.ts';
import { allServices } from '../services/services.repo.ts';
import type { Db } from '../store/store.ts';
import { addDays } from '../../../shared/domain/ticket.ts';
import { periodRange } from './reports.period.ts';
import * as repo from './reports.repo.ts';

const round = (v: number | null): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

const share = (n: number, of: number): number | null => (of ? Math.round((n / of) * 10000) / 10000 : null);

function quoteRow(kind: RequestKind, f: repo.QuoteFigures | undefined): QuoteRow {
  return {
    kind,
    quoted: f?.quoted ?? 0,
    called: f?.called ?? 0,
    quotedLowMedian: round(f?.low_median ?? null),
    quotedHighMedian: round(f?.high_median ?? null),
    actualMedian: round(f?.actual_median ?? null),
    longerShare: share(f?.longer ?? 0, f?.called ?? 0),
    shorterShare: share(f?.shorter ?? 0, f?.called ?? 0),
  };
}

/** The counts and timings of one kind's or service's figures (zeros and nulls when nothing was taken). */
function counts(f: Omit<repo.KindFigures, 'kind'> | undefined): Omit<KindRow, 'kind'> {
  return {
    count: f?.count ?? 0,
    completed: f?.completed ?? 0,
    noShows: f?.no_shows ?? 0,
    cancelled: f?.cancelled ?? 0,
    waitMedian: round(f?.wait_median ?? null),
    waitP90: round(f?.wait_p90 ?? null),
    serviceMedian: round(f?.service_median ?? null),
    serviceP90: round(f?.service_p90 ?? null),
  };
}

export async function buildReport(db: Db, propertyId: string, q: ReportQuery, now: Date): Promise<Report> {
  const timeZone = await repo.propertyTimeZone(db, propertyId);
  const { from, toExclusive } = periodRange(q.period, q.date);
  const bounds = await repo.windowBounds(db, from, toExclusive, timeZone);
  const w: repo.Window = { propertyId, timeZone, ...bounds };

  const [figures, perService, catalog, quotes, issues, issuesNow, resolved, repeat, sat, luggage, daily] = await Promise.all([
    repo.requestFigures(db, w),
    repo.serviceFigures(db, w),
    allServices(db, propertyId),
    repo.quoteFigures(db, w),
    repo.issueCounts(db, w, REPORT_NONE),
    repo.issuesNow(db, propertyId, now),
    repo.resolveTimes(db, w),
    repo.repeatComplainers(db, w),
    repo.satisfaction(db, w),
    repo.luggageFigures(db, w, now),
    repo.dailySeries(db, w, from, toExclusive),
  ]);

  const all = figures.find((f) => f.kind === null);
  const byKind: KindRow[] = RequestKind.options.map((kind) => ({ kind, ...counts(figures.find((x) => x.kind === kind)) }));
  // Every catalog service (retired too), then any code requests name that the catalog no longer has.
  const byService: ServiceRow[] = [
    ...catalog.map((s) => ({ service: s.code, names: s.names, retired: s.retired, ...counts(perService.find((f) => f.service === s.code)) })),
    ...perService
      .filter((f) => !catalog.some((s) => s.code === f.service) && ServiceCode.safeParse(f.service).success)
      .map((f) => ({ service: f.service, names: { en: f.service, 'zh-Hans': f.service, 'zh-Hant': f.service }, retired: true, ...counts(f) })),
  ];

  return {
    period: q.period,
    from,
    to: addDays(toExclusive, -1),
    timeZone,
    generatedAt: now.toISOString(),
    requests: {
      total: all?.count ?? 0,
      noShows: all?.no_shows ?? 0,
      cancelled: all?.cancelled ?? 0,
      waitMedian: round(all?.wait_median ?? null),
      waitP90: round(all?.wait_p90 ?? null),
      serviceMedian: round(all?.service_median ?? null),
      serviceP90: round(all?.service_p90 ?? null),
      byKind,
      byService,
      quotedVsActual: RequestKind.options.map((kind) => quoteRow(kind, quotes.find((x) => x.kind === kind))),
    },
    complaints: {
      total: issues.total,
      byCategory: issues.byCategory,
      byDepartment: issues.byDepartment,
      byState: issues.byState,
      openNow: issuesNow.open,
      overdueNow: issuesNow.overdue,
      resolvedInPeriod: resolved.n,
      resolveMedian: round(resolved.median),
      repeatComplainers: repeat,
    },
    satisfaction: {
      count: sat.count,
      satisfied: sat.satisfied,
      rate: sat.count ? sat.satisfied / sat.count : null,
      average: sat.average === null ? null : Math.round(sat.average * 100) / 100,
    },
    luggage: { inStoreNow: luggage.in_store, overdueNow: luggage.overdue, checkedIn: luggage.checked_in, handedBack: luggage.handed_back },
    daily,
  };
}
