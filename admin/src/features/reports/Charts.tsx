/**
 * Two small SVG charts with their figures written on them, so a manager
 * reads the numbers without hovering: bars per day (requests and complaints
 * side by side) and horizontal bars per label. Each is an `img` with a full
 * text description for screen readers.
 */
import type { DailyRow } from '../../../../shared/protocol/reports.ts';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

const H_ROW = 30;
const H_LABEL_W = 190;
const H_VALUE_W = 50;
const H_WIDTH = 560;

export function HBarChart({ bars, title, testId, empty }: { bars: Bar[]; title: string; testId?: string; empty: string }) {
  if (bars.length === 0) return <p class="chart-empty">{empty}</p>;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const barW = H_WIDTH - H_LABEL_W - H_VALUE_W;
  const height = bars.length * H_ROW;
  const desc = bars.map((b) => `${b.label}: ${b.value}`).join(', ');
  return (
    <svg class="chart hbar" data-testid={testId} viewBox={`0 0 ${H_WIDTH} ${height}`} width="100%" role="img" aria-label={`${title}: ${desc}`}>
      {bars.map((b, i) => {
        const y = i * H_ROW;
        const w = Math.max(b.value > 0 ? 3 : 0, (b.value / max) * barW);
        return (
          <g key={b.key} data-key={b.key}>
            <text x={H_LABEL_W - 10} y={y + H_ROW / 2} class="chart-label" text-anchor="end" dominant-baseline="middle">
              {b.label}
            </text>
            <rect x={H_LABEL_W} y={y + 6} width={w} height={H_ROW - 12} rx="3" class="bar bar-a" />
            <text x={H_LABEL_W + w + 8} y={y + H_ROW / 2} class="chart-value" dominant-baseline="middle">
              {b.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const D_HEIGHT = 220;
const D_TOP = 22;
const D_BOTTOM = 30;

/** Requests and complaints per day; the day of the month under each pair, the counts above each bar. */
export function DailyChart({ days, title, requestsLabel, complaintsLabel, weekdays }: { days: DailyRow[]; title: string; requestsLabel: string; complaintsLabel: string; weekdays: boolean }) {
  const slot = days.length > 10 ? 36 : 80;
  const width = Math.max(560, days.length * slot + 20);
  const plot = D_HEIGHT - D_TOP - D_BOTTOM;
  const max = Math.max(1, ...days.map((d) => Math.max(d.requests, d.complaints)));
  const barW = Math.min(26, (slot - 10) / 2);
  const x0 = (width - days.length * slot) / 2;
  const desc = days.map((d) => `${d.day}: ${requestsLabel} ${d.requests}, ${complaintsLabel} ${d.complaints}`).join('; ');
  const scale = (v: number) => (v / max) * plot;
  const label = (day: string) => {
    const d = new Date(`${day}T00:00:00Z`);
    return weekdays ? `${d.toLocaleDateString(undefined, { weekday: 'short', timeZone: 'UTC' })} ${d.getUTCDate()}` : String(d.getUTCDate());
  };
  return (
    <figure class="chart-figure">
      <svg class="chart daily" data-testid="chart-requests-daily" viewBox={`0 0 ${width} ${D_HEIGHT}`} width="100%" role="img" aria-label={`${title}. ${desc}`}>
        <line x1={x0} x2={width - x0} y1={D_TOP + plot} y2={D_TOP + plot} class="axis" />
        {days.map((d, i) => {
          const cx = x0 + i * slot + slot / 2;
          const hr = scale(d.requests);
          const hc = scale(d.complaints);
          return (
            <g key={d.day} data-day={d.day}>
              <rect x={cx - barW - 1} y={D_TOP + plot - hr} width={barW} height={hr} class="bar bar-a" />
              <rect x={cx + 1} y={D_TOP + plot - hc} width={barW} height={hc} class="bar bar-b" />
              {(d.requests > 0 || days.length <= 10) && (
                <text x={cx - barW / 2 - 1} y={D_TOP + plot - hr - 5} class="chart-value small" text-anchor="middle">
                  {d.requests}
                </text>
              )}
              {(d.complaints > 0 || days.length <= 10) && (
                <text x={cx + barW / 2 + 1} y={D_TOP + plot - hc - 5} class="chart-value small complaints" text-anchor="middle">
                  {d.complaints}
                </text>
              )}
              <text x={cx} y={D_HEIGHT - 10} class="chart-label small" text-anchor="middle">
                {label(d.day)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        <span class="swatch swatch-a" aria-hidden="true" /> {requestsLabel}
        <span class="swatch swatch-b" aria-hidden="true" /> {complaintsLabel}
      </figcaption>
    </figure>
  );
}
