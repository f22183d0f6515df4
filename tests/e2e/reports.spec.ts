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
  for (const [i, wait] of [60, 120, 300].entries()) {
    const created = at(`0${i + 1}:00`);
    await db
      .insertInto('service_requests')
      .values({
        id: uuidv7(), property_id: propertyId, kind: i === 2 ? 'shoe_care' : 'call_staff', ticket: `Y00${i + 1}`, service_day: DAY, status: 'completed',
        reason: null, guest_name: null, room: null, note: null, details: null, device_id: kioskId, desk: '2', assigned_staff_id: null, assigned_staff_name: null,
        created_at: created, client_created_at: created, clock_skew_ms: 0, called_at: at(`0${i + 1}:00`, wait), completed_at: at(`0${i + 1}:00`, wait + 240), updated_at: created, rev: 1,
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
  await keepScreenshot(admin.page, 'admin-reports-day');
  await admin.page.screenshot({ path: 'test-results/screenshots/admin-reports-day-full.png', fullPage: true });

  const [download] = await Promise.all([admin.page.waitForEvent('download'), admin.page.getByTestId('csv-requests_by_kind').click()]);
  expect(download.suggestedFilename()).toBe(`lobbydesk-requests_by_kind-day-${DAY}.csv`);
  const text = await readFile((await download.path())!, 'utf8');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('kind,requests,completed,no_shows,cancelled');
  expect(lines).toContain('call_staff,2,2,0,0');

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
