import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { startTestServer, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { TABLET, keepScreenshot } from './support.ts';

let server: TestServer;
const DAY = '2025-03-10'; // a Monday; the test server's property runs on UTC

/** Known figures for one day, written straight into the store with controlled timestamps. */
async function seed(): Promise<void> {
  const db = server.store.db;
  const propertyId = (await db.selectFrom('properties').select('id').executeTakeFirstOrThrow()).id;
  const kioskId = (await db.selectFrom('devices').select('id').where('kind', '=', 'kiosk').executeTakeFirstOrThrow()).id;
  const at = (hhmm: string, plusS = 0) => new Date(new Date(`${DAY}T${hhmm}:00Z`).getTime() + plusS * 1000);
  // Waits 60, 120 and 300 s → median 2 min, p90 = 120 + 0.8 × 180 = 264 s.
  // The two consultations were quoted "under 2 minutes" and "under 1 minute": the second waited longer than quoted.
  const quotes = [[0, 120], [0, 60], [null, null]] as const;
  for (const [i, wait] of [60, 120, 300].entries()) {
    const created = at(`0${i + 1}:00`);
    await db
      .insertInto('service_requests')
      .values({
        id: uuidv7(), property_id: propertyId, kind: i === 2 ? 'shoe_care' : 'call_staff', ticket: `Y00${i + 1}`, service_day: DAY, status: 'completed',
        reason: null, guest_name: null, room: null, note: null, details: null, device_id: kioskId, desk: '2', assigned_staff_id: null, assigned_staff_name: null,
        created_at: created, client_created_at: created, clock_skew_ms: 0, called_at: at(`0${i + 1}:00`, wait), completed_at: at(`0${i + 1}:00`, wait + 240), updated_at: created, rev: 1,
        quoted_wait_low_s: quotes[i]![0], quoted_wait_high_s: quotes[i]![1],
      })
      .execute();
  }
  for (const rating of [5, 4, 2]) {
    await db
      .insertInto('feedback')
      .values({ id: uuidv7(), property_id: propertyId, device_id: kioskId, rating, categories: [], comment: null, complaint: false, contact_consent: false, contact: null, guest_name: null, room: null, request_id: null, created_at: at('05:00'), client_created_at: at('05:00') })
      .execute();
  }
  await db
    .insertInto('issues')
    .values({
      id: uuidv7(), property_id: propertyId, source: 'staff', severity: 'medium', status: 'new', categories: ['cleanliness'], departments: ['housekeeping'], summary: 'Dusty room',
      rating: null, guest_name: null, room: '1208', contact: null, contact_consent: false, feedback_id: null, request_id: null, owner_staff_id: null, owner_staff_name: null,
      acknowledge_by: at('06:30'), resolve_by: at('23:00'), created_at: at('06:00'), updated_at: at('06:00'), rev: 1,
    })
    .execute();
  await db
    .insertInto('luggage_items')
    .values({
      id: uuidv7(), property_id: propertyId, claim_code: 'ABCDEFGH', ticket: null, request_id: null, bags: 2, tags: ['T1', 'T2'], location: 'Shelf A', guest_name: null, room: null, notes: null,
      expected_pickup_at: null, status: 'stored', lost_claim: null, released_at: null, released_by: null, approved_by: null, created_at: at('07:00'), updated_at: at('07:00'), rev: 1,
    })
    .execute();
}

test.beforeAll(async () => {
  server = await startTestServer();
  await seed();
});
test.afterAll(async () => {
  await server?.stop(true);
});

test('a manager reads the day, week and month in figures and downloads a table as CSV', async ({ browser }) => {
  const context = await browser.newContext({ viewport: TABLET, acceptDownloads: true });
  const admin = new AdminPage(await context.newPage());
  await admin.login(server.url, 'manager1', '3333');
  await admin.page.getByTestId('nav-reports').click();
  await expect(admin.page.getByTestId('report-period')).toHaveValue('day');
  await admin.page.getByTestId('report-date').fill(DAY);

  await expect(admin.page.getByTestId('report-range')).toContainText(`${DAY} – ${DAY}`);
  await expect(admin.page.getByTestId('kpi-requests')).toContainText('3');
  await expect(admin.page.getByTestId('kpi-wait-median')).toContainText('2 min 0 s');
  await expect(admin.page.getByTestId('kpi-wait-p90')).toContainText('4 min 24 s');
  await expect(admin.page.getByTestId('kpi-satisfaction')).toContainText('67%');
  await expect(admin.page.getByTestId('kpi-open-complaints')).toContainText('1');
  await expect(admin.page.getByTestId('kpi-overdue')).toContainText('1');
  await expect(admin.page.getByTestId('kpi-luggage')).toContainText('1');
  const chart = admin.page.getByTestId('chart-requests-daily');
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /2025-03-10: Requests 3, Complaints 1/);
  await expect(admin.page.locator('[data-kind="call_staff"]')).toContainText('2');
  // Quoted vs actual wait: quotes 0–2 and 0–1 min (medians 0 and 1.5 → "0–2 min"), waits 60 and 120 s.
  const quotes = admin.page.getByTestId('report-quotes');
  await expect(quotes.locator('[data-quote-kind]')).toHaveCount(1);
  await expect(admin.page.getByTestId('quote-median-call_staff')).toHaveText('0–2 min');
  await expect(admin.page.getByTestId('quote-actual-call_staff')).toHaveText('1 min 30 s');
  await expect(admin.page.getByTestId('quote-longer-call_staff')).toHaveText('50%');
  await expect(admin.page.getByTestId('quote-shorter-call_staff')).toHaveText('0%');
  await keepScreenshot(admin.page, 'admin-reports-day');
  await admin.page.screenshot({ path: 'test-results/screenshots/admin-reports-day-full.png', fullPage: true });
  await quotes.scrollIntoViewIfNeeded();
  await keepScreenshot(admin.page, 'admin-reports-quotes');

  // Every ticket of the day as CSV, the bytes as Excel and WPS will read them.
  const [tickets] = await Promise.all([admin.page.waitForEvent('download'), admin.page.getByTestId('csv-tickets').click()]);
  expect(tickets.suggestedFilename()).toBe(`lobbydesk-tickets-day-${DAY}.csv`);
  const raw = await readFile((await tickets.path())!);
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
  expect(raw.subarray(3).toString('utf8').split('\r\n')).toEqual([
    'Ticket,Taken,Called,Served,Kind,Status,Desk,Agent,Wait (min),Service time (min),Quoted wait from (min),Quoted wait to (min),Rating,Service name',
    `Y001,${DAY} 01:00:00,${DAY} 01:01:00,${DAY} 01:05:00,Consultation,Completed,2,,1,4,0,2,,`,
    `Y002,${DAY} 02:00:00,${DAY} 02:02:00,${DAY} 02:06:00,Consultation,Completed,2,,2,4,0,1,,`,
    `Y003,${DAY} 03:00:00,${DAY} 03:05:00,${DAY} 03:09:00,Shoe care,Completed,2,,5,4,,,,`,
    '',
  ]);

  const [download] = await Promise.all([admin.page.waitForEvent('download'), admin.page.getByTestId('csv-requests_by_kind').click()]);
  expect(download.suggestedFilename()).toBe(`lobbydesk-requests_by_kind-day-${DAY}.csv`);
  const text = await readFile((await download.path())!, 'utf8');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('\uFEFFkind,requests,completed,no_shows,cancelled');
  expect(lines).toContain('Consultation,2,2,0,0');

  // The week containing the date, with a bar per day; then the previous week is empty.
  await admin.page.getByTestId('report-period').selectOption('week');
  await expect(admin.page.getByTestId('report-range')).toContainText('2025-03-10 – 2025-03-16');
  await expect(chart.locator('g[data-day]')).toHaveCount(7);
  await keepScreenshot(admin.page, 'admin-reports-week');
  await admin.page.getByTestId('report-prev').click();
  await expect(admin.page.getByTestId('report-range')).toContainText('2025-03-03 – 2025-03-09');
  await expect(admin.page.getByTestId('kpi-requests')).toContainText('0');
  await admin.page.getByTestId('report-next').click();

  await admin.page.getByTestId('report-period').selectOption('month');
  await expect(admin.page.getByTestId('report-range')).toContainText('2025-03-01 – 2025-03-31');
  await expect(chart.locator('g[data-day]')).toHaveCount(31);
  await keepScreenshot(admin.page, 'admin-reports-month');
  await admin.page.getByTestId('lang-toggle').click();
  await expect(admin.page.getByTestId('nav-queue').first()).toBeVisible();
  await expect(admin.page.getByTestId('kpi-requests')).toContainText('服务请求');
  await keepScreenshot(admin.page, 'admin-reports-month-zh');
  await admin.page.getByTestId('report-quotes').scrollIntoViewIfNeeded();
  await expect(admin.page.getByTestId('quote-median-call_staff')).toHaveText('0–2 分钟');
  await keepScreenshot(admin.page, 'admin-reports-quotes-zh');
  // In Chinese, the per-ticket export's headers and kinds are Chinese too, still UTF-8 with a BOM.
  const [zh] = await Promise.all([admin.page.waitForEvent('download'), admin.page.getByTestId('csv-tickets').click()]);
  const zhRaw = await readFile((await zh.path())!);
  expect([...zhRaw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const zhLines = zhRaw.subarray(3).toString('utf8').split('\r\n');
  expect(zhLines[0]).toBe('票号,取号时间,叫号时间,完成时间,类型,状态,柜台,服务人员,等候（分钟）,服务时长（分钟）,预计等候下限（分钟）,预计等候上限（分钟）,评分,服务项目');
  expect(zhLines[1]).toContain(',业务咨询,已完成,');
  expect(zhLines[3]).toContain(',擦鞋服务,已完成,');
  await context.close();
});

test('agents see no reports button', async ({ browser }) => {
  const context = await browser.newContext({ viewport: TABLET });
  const admin = new AdminPage(await context.newPage());
  await admin.login(server.url, 'agent1', '1111');
  await expect(admin.page.getByTestId('nav-issues')).toBeVisible();
  await expect(admin.page.getByTestId('nav-reports')).toHaveCount(0);
  await context.close();
});
