/**
 * Reports (日报 / 周报 / 月报) for supervisors and managers: one document per
 * period, computed by the server in the property's time zone. Durations are
 * seconds; a median or percentile is null when nothing was measured.
 */
import { z } from 'zod';
import { RequestKind, ServiceDay } from '../domain/request.ts';
import { Service, ServiceCode } from '../domain/service.ts';
import { ADMIN_LOCALES } from '../i18n/staff-labels.ts';

export const REPORT_PERIODS = ['day', 'week', 'month'] as const;
export const ReportPeriod = z.enum(REPORT_PERIODS);
export type ReportPeriod = z.infer<typeof ReportPeriod>;

/** The tables a manager may download as CSV. */
export const REPORT_TABLES = ['requests_by_kind', 'requests_by_service', 'wait_times', 'wait_quotes', 'issues_by_category', 'issues_by_department', 'issues_by_state', 'satisfaction', 'luggage', 'daily'] as const;
export const ReportTable = z.enum(REPORT_TABLES);
export type ReportTable = z.infer<typeof ReportTable>;

export const ReportQuery = z.object({ period: ReportPeriod, date: ServiceDay });
export type ReportQuery = z.infer<typeof ReportQuery>;
/** The staff language a CSV is written in (kind, status, category names; the per-ticket export's headers). */
export const ReportLang = z.enum(ADMIN_LOCALES).default('en');
export type ReportLang = z.infer<typeof ReportLang>;
export const ReportCsvQuery = ReportQuery.extend({ table: ReportTable, lang: ReportLang });
/** `GET /api/reports/tickets.csv`: one row per ticket taken in the period. */
export const TicketsCsvQuery = ReportQuery.extend({ lang: ReportLang });

const Seconds = z.number().nonnegative().nullable();

export const KindRow = z.object({
  kind: RequestKind,
  count: z.number().int(),
  completed: z.number().int(),
  noShows: z.number().int(),
  cancelled: z.number().int(),
  /** created → called */
  waitMedian: Seconds,
  waitP90: Seconds,
  /** called → completed */
  serviceMedian: Seconds,
  serviceP90: Seconds,
});
export type KindRow = z.infer<typeof KindRow>;

/**
 * The same figures for one catalog service (requests of kind `service`, counted under that kind
 * too): every service of the property, retired ones included, with its names as the catalog has
 * them now (a code no longer in the catalog is named by its code).
 */
export const ServiceRow = KindRow.omit({ kind: true }).extend({
  service: ServiceCode,
  names: Service.shape.names,
  retired: z.boolean(),
});
export type ServiceRow = z.infer<typeof ServiceRow>;

/**
 * Quoted vs actual wait for one kind: tickets taken in the period whose
 * guest was shown an estimate (shared/protocol/wait-stats.ts `WaitQuote`).
 * Actual = created → called, for those called.
 */
export const QuoteRow = z.object({
  kind: RequestKind,
  /** Tickets whose guest was shown a quote. */
  quoted: z.number().int(),
  /** Of those, called (the wait is known). */
  called: z.number().int(),
  quotedLowMedian: Seconds,
  quotedHighMedian: Seconds,
  actualMedian: Seconds,
  /** Of the called ones (0..1): waited longer than the top of the quote. */
  longerShare: z.number().min(0).max(1).nullable(),
  /** Of the called ones (0..1): called before the bottom of the quote (it promised too long a wait). */
  shorterShare: z.number().min(0).max(1).nullable(),
});
export type QuoteRow = z.infer<typeof QuoteRow>;

export const CountRow = z.object({ key: z.string(), count: z.number().int() });
export type CountRow = z.infer<typeof CountRow>;

export const DailyRow = z.object({ day: ServiceDay, requests: z.number().int(), complaints: z.number().int() });
export type DailyRow = z.infer<typeof DailyRow>;

export const Report = z.object({
  period: ReportPeriod,
  /** First and last local day of the period (inclusive), and the property's time zone. */
  from: ServiceDay,
  to: ServiceDay,
  timeZone: z.string(),
  generatedAt: z.string(),
  requests: z.object({
    total: z.number().int(),
    noShows: z.number().int(),
    cancelled: z.number().int(),
    waitMedian: Seconds,
    waitP90: Seconds,
    serviceMedian: Seconds,
    serviceP90: Seconds,
    byKind: z.array(KindRow),
    /** Per catalog service, in the catalog's order (absent from reports made before services existed). */
    byService: z.array(ServiceRow).default([]),
    /** Quoted vs actual wait, per kind (every kind, zeros when nothing was quoted). */
    quotedVsActual: z.array(QuoteRow),
  }),
  complaints: z.object({
    /** Opened in the period. */
    total: z.number().int(),
    byCategory: z.array(CountRow),
    byDepartment: z.array(CountRow),
    byState: z.array(CountRow),
    /** Open now (any period), and of those past their SLA now. */
    openNow: z.number().int(),
    overdueNow: z.number().int(),
    /** Created → resolved, for complaints resolved in the period. */
    resolvedInPeriod: z.number().int(),
    resolveMedian: Seconds,
    /** The same room or contact behind two or more complaints opened in the period. */
    repeatComplainers: z.array(z.object({ by: z.enum(['room', 'contact']), value: z.string(), count: z.number().int() })),
  }),
  satisfaction: z.object({
    count: z.number().int(),
    satisfied: z.number().int(),
    /** satisfied (rating ≥ 4) / all, 0..1 */
    rate: z.number().nullable(),
    average: z.number().nullable(),
  }),
  luggage: z.object({ inStoreNow: z.number().int(), overdueNow: z.number().int(), checkedIn: z.number().int(), handedBack: z.number().int() }),
  daily: z.array(DailyRow),
});
export type Report = z.infer<typeof Report>;

/** "Uncategorised" / "no department" rows in the complaint tables. */
export const REPORT_NONE = '(none)';
