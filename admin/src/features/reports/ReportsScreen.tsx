import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorKey, type AdminKey } from '../../i18n/admin.ts';
import type { StaffMe } from '../../../../shared/protocol/auth.ts';
import { REPORT_NONE, REPORT_PERIODS, type CountRow, type Report, type ReportPeriod, type ReportTable } from '../../../../shared/protocol/reports.ts';
import { locale, t } from '../../i18n/i18n.ts';
import { csvHref, ticketsCsvHref, loadReport, report, reportError, reportLoading } from '../../sync/reports.ts';
import { Header } from '../shell/Header.tsx';
import { DailyChart, HBarChart, type Bar } from './Charts.tsx';
import { duration } from './duration.ts';
import { QuotesPanel } from './QuotesPanel.tsx';
import { ServiceRows } from './ServiceRows.tsx';
import { percent, shiftPeriod, todayIn } from './reports.queries.ts';
import './reports.css';


/** A key from the server as text: a known key translated, "(none)" as "Not set", anything else as it came. */
function labelOf(prefix: string, key: string): string {
  if (key === REPORT_NONE) return t('reports.unset');
  const k = `${prefix}${key}` as AdminKey;
  const text = t(k);
  return text === undefined ? key : text;
}

const bars = (rows: CountRow[], prefix: string): Bar[] => rows.map((r) => ({ key: r.key, label: labelOf(prefix, r.key), value: r.count }));

function Csv({ period, date, table, label }: { period: ReportPeriod; date: string; table: ReportTable; label?: string }) {
  return (
    <a class="btn btn-secondary btn-csv" data-testid={`csv-${table}`} href={csvHref(period, date, table, locale.value)} download>
      {label ?? t('reports.csv')}
    </a>
  );
}

function Kpi({ name, label, value, sub, tone }: { name: string; label: string; value: string; sub?: string; tone?: 'warn' }) {
  return (
    <div class={`kpi ${tone === 'warn' ? 'kpi-warn' : ''}`} data-testid={`kpi-${name}`}>
      <div class="kpi-label">{label}</div>
      <div class="kpi-value">{value}</div>
      {sub && <div class="kpi-sub">{sub}</div>}
    </div>
  );
}

/** Supervisors and managers: the day, week or month in figures (日报 / 周报 / 月报), each table as CSV. */
export function ReportsScreen({ me }: { me: StaffMe }) {
  const [period, setPeriod] = useState<ReportPeriod>('day');
  const [date, setDate] = useState(() => todayIn(me.property.timeZone));
  const r = report.value;
  const error = reportError.value;

  useEffect(() => {
    void loadReport(period, date);
  }, [period, date]);
  useEffect(() => {
    if (r) document.body.dataset.ready = 'true';
  }, [r !== null]);

  const shown = r && r.period === period ? r : null;
  return (
    <div class="reports-screen">
      <Header me={me} />
      <section class="toolbar reports-toolbar">
        <h1 class="screen-title">{t('reports.title')}</h1>
        <label class="field-inline">
          <span>{t('reports.period')}</span>
          <select data-testid="report-period" value={period} onChange={(e) => setPeriod(e.currentTarget.value as ReportPeriod)}>
            {REPORT_PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`reports.period.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <div class="date-step">
          <button type="button" class="btn btn-secondary" data-testid="report-prev" aria-label={t('reports.prev')} onClick={() => setDate(shiftPeriod(period, date, -1))}>
            ‹
          </button>
          <label class="field-inline">
            <span class="sr-only">{t('reports.date')}</span>
            <input type="date" data-testid="report-date" value={date} required onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)} />
          </label>
          <button type="button" class="btn btn-secondary" data-testid="report-next" aria-label={t('reports.next')} onClick={() => setDate(shiftPeriod(period, date, 1))}>
            ›
          </button>
          <button type="button" class="btn btn-ghost" data-testid="report-today" onClick={() => setDate(todayIn(me.property.timeZone))}>
            {t('reports.today')}
          </button>
        </div>
        <span class="report-range" data-testid="report-range" aria-live="polite">
          {shown ? t('reports.range', { from: shown.from, to: shown.to, tz: shown.timeZone }) : ''}
          {reportLoading.value ? ' …' : ''}
        </span>
      </section>
      {error && (
        <div class="banner banner-warn" role="alert" data-testid="report-error">
          {t(errorKey(error))}
        </div>
      )}
      <main class="reports" aria-busy={reportLoading.value}>
        {!shown ? <p class="empty">{t('reports.loading')}</p> : <ReportBody r={shown} period={period} date={date} />}
      </main>
    </div>
  );
}

function ReportBody({ r, period, date }: { r: Report; period: ReportPeriod; date: string }) {
  const none = t('reports.kpi.none');
  const sat = r.satisfaction;
  return (
    <>
      <section class="kpis" aria-label={t('reports.title')}>
        <Kpi name="requests" label={t('reports.kpi.requests')} value={String(r.requests.total)} sub={t('reports.kpi.noShows', { noShows: r.requests.noShows, cancelled: r.requests.cancelled })} />
        <Kpi name="wait-median" label={t('reports.kpi.waitMedian')} value={duration(r.requests.waitMedian)} />
        <Kpi name="wait-p90" label={t('reports.kpi.waitP90')} value={duration(r.requests.waitP90)} />
        <Kpi name="satisfaction" label={t('reports.kpi.satisfaction')} value={percent(sat.rate) ?? none} sub={t('reports.kpi.satisfactionOf', { n: sat.count, avg: sat.average ?? none })} />
        <Kpi name="open-complaints" label={t('reports.kpi.openComplaints')} value={String(r.complaints.openNow)} />
        <Kpi name="overdue" label={t('reports.kpi.overdue')} value={String(r.complaints.overdueNow)} tone={r.complaints.overdueNow > 0 ? 'warn' : undefined} />
        <Kpi name="luggage" label={t('reports.kpi.luggage')} value={String(r.luggage.inStoreNow)} sub={t('reports.kpi.luggageOverdue', { n: r.luggage.overdueNow })} tone={r.luggage.overdueNow > 0 ? 'warn' : undefined} />
      </section>

      <section class="panel panel-wide">
        <header class="panel-head">
          <h2>{t('reports.chart.daily')}</h2>
          <Csv period={period} date={date} table="daily" />
        </header>
        <DailyChart days={r.daily} title={t('reports.chart.daily')} requestsLabel={t('reports.chart.requests')} complaintsLabel={t('reports.chart.complaints')} weekdays={r.period === 'week' || r.period === 'day'} />
      </section>

      <section class="panel panel-wide">
        <header class="panel-head">
          <h2>{t('reports.byKind')}</h2>
          <Csv period={period} date={date} table="requests_by_kind" label={t('reports.csv.counts')} />
          <Csv period={period} date={date} table="wait_times" label={t('reports.csv.waits')} />
          <Csv period={period} date={date} table="requests_by_service" label={t('reports.csv.services')} />
          <a class="btn btn-secondary btn-csv" data-testid="csv-tickets" href={ticketsCsvHref(period, date, locale.value)} download>
            {t('reports.csv.tickets')}
          </a>
        </header>
        <table class="report-table" data-testid="report-kinds">
          <thead>
            <tr>
              <th>{t('reports.col.kind')}</th>
              <th>{t('reports.col.count')}</th>
              <th>{t('reports.col.waitMedian')}</th>
              <th>{t('reports.col.waitP90')}</th>
              <th>{t('reports.col.serviceMedian')}</th>
              <th>{t('reports.col.serviceP90')}</th>
              <th>{t('reports.col.noShows')}</th>
              <th>{t('reports.col.cancelled')}</th>
            </tr>
          </thead>
          <tbody>
            {r.requests.byKind.map((k) => (
              <Fragment key={k.kind}>
              <tr data-kind={k.kind}>
                <th scope="row">{t(`reports.kind.${k.kind}`)}</th>
                <td class="num strong">{k.count}</td>
                <td class="num">{duration(k.waitMedian)}</td>
                <td class="num">{duration(k.waitP90)}</td>
                <td class="num">{duration(k.serviceMedian)}</td>
                <td class="num">{duration(k.serviceP90)}</td>
                <td class="num">{k.noShows}</td>
                <td class="num">{k.cancelled}</td>
              </tr>
              {k.kind === 'service' && <ServiceRows rows={r.requests.byService} />}
              </Fragment>
            ))}
          </tbody>
        </table>
        <HBarChart testId="chart-requests-kind" title={t('reports.byKind')} bars={r.requests.byKind.map((k) => ({ key: k.kind, label: t(`reports.kind.${k.kind}`), value: k.count }))} empty={t('reports.empty')} />
      </section>

      <QuotesPanel r={r} period={period} date={date} />

      <p class="complaints-summary" data-testid="complaints-summary">
        {t('reports.complaintsSummary', { total: r.complaints.total, resolved: r.complaints.resolvedInPeriod, median: duration(r.complaints.resolveMedian) })}
      </p>
      <div class="panels">
        <section class="panel">
          <header class="panel-head">
            <h2>{t('reports.byCategory')}</h2>
            <Csv period={period} date={date} table="issues_by_category" />
          </header>
          <HBarChart testId="chart-issues-category" title={t('reports.byCategory')} bars={bars(r.complaints.byCategory, 'reports.category.')} empty={t('reports.empty')} />
        </section>
        <section class="panel">
          <header class="panel-head">
            <h2>{t('reports.byDepartment')}</h2>
            <Csv period={period} date={date} table="issues_by_department" />
          </header>
          <HBarChart testId="chart-issues-department" title={t('reports.byDepartment')} bars={bars(r.complaints.byDepartment, 'reports.dept.')} empty={t('reports.empty')} />
        </section>
        <section class="panel">
          <header class="panel-head">
            <h2>{t('reports.byState')}</h2>
            <Csv period={period} date={date} table="issues_by_state" />
          </header>
          <HBarChart testId="chart-issues-state" title={t('reports.byState')} bars={bars(r.complaints.byState, 'issueStatus.')} empty={t('reports.empty')} />
        </section>
        <section class="panel">
          <header class="panel-head">
            <h2>{t('reports.repeat')}</h2>
          </header>
          {r.complaints.repeatComplainers.length === 0 ? (
            <p class="chart-empty">{t('reports.repeat.none')}</p>
          ) : (
            <ul class="repeat-list" data-testid="repeat-complainers">
              {r.complaints.repeatComplainers.map((c) => (
                <li key={`${c.by}:${c.value}`}>{t(c.by === 'room' ? 'reports.repeat.room' : 'reports.repeat.contact', { value: c.value, count: c.count })}</li>
              ))}
            </ul>
          )}
        </section>
        <section class="panel">
          <header class="panel-head">
            <h2>{t('reports.satisfaction')}</h2>
            <Csv period={period} date={date} table="satisfaction" />
          </header>
          <p class="panel-figure">
            <strong>{percent(sat.rate) ?? none}</strong> {t('reports.kpi.satisfactionOf', { n: sat.count, avg: sat.average ?? none })}
          </p>
        </section>
        <section class="panel">
          <header class="panel-head">
            <h2>{t('reports.luggage')}</h2>
            <Csv period={period} date={date} table="luggage" />
          </header>
          <p class="panel-figure">
            <strong>{r.luggage.inStoreNow}</strong> {t('reports.kpi.luggage')} · {t('reports.kpi.luggageOverdue', { n: r.luggage.overdueNow })}
          </p>
          <p class="panel-figure">{t('reports.luggageSummary', { checkedIn: r.luggage.checkedIn, handedBack: r.luggage.handedBack })}</p>
        </section>
      </div>
    </>
  );
}
