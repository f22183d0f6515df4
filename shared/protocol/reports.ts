/**
 * Reports (日报 / 周报 / 月报) for supervisors and managers: one document per
 * period, computed by the server in the property's time zone. Durations are
 * seconds; a median or percentile is null when nothing was measured.
 */
import { z } from 'zod';
import { RequestKind, ServiceDay } from '../domain/request.ts';

export const REPORT_PERIODS = ['day', 'week', 'month'] as const;
export const ReportPeriod = z.enum(REPORT_PERIODS);
export type ReportPeriod = z.infer<typeof ReportPeriod>;

/** The tables a manager may download as CSV. */
export const REPORT_TABLES = ['requests_by_kind', 'wait_times', 'issues_by_category', 'issues_by_department', 'issues_by_state', 'satisfaction', 'luggage', 'daily'] as const;
export const ReportTable = z.enum(REPORT_TABLES);
export type ReportTable = z.infer<typeof ReportTable>;

export const ReportQuery = z.object({ period: ReportPeriod, date: ServiceDay });
export type ReportQuery = z.infer<typeof ReportQuery>;
export const ReportCsvQuery = ReportQuery.extend({ table: ReportTable });

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
