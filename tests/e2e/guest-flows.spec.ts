import { expect, test, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/server.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, keepScreenshot } from './support.ts';
import { tapType } from './touch.ts';

let server: TestServer;

// Guest text goes in by tapping keys (tests/e2e/touch.ts): slower than `fill`.
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000); // a loaded machine starts the server slowly
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.stop(true);
});

/** window.print() would open a dialog: count the calls instead. */
async function stubPrint(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => {
      w.printed += 1;
    };
  });
}

test('luggage, shoe care and a complaint made offline reach the server exactly once; the claim code then collects the bags', async ({ browser }) => {
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT, serviceWorkers: 'allow' });
  const kiosk = new KioskPage(await context.newPage());
  await kiosk.open(server.url, server.demo!.kioskToken);
  await kiosk.serviceWorkerControls();

  await context.setOffline(true);
  const luggage = await kiosk.luggageIn({ bags: 3, room: '1208', hour: 9 });
  await stubPrint(kiosk.page);
  await kiosk.page.getByTestId('print-receipt').click();
  expect(await kiosk.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await kiosk.done();

  const shoe = await kiosk.shoeCare({ pairs: 2, room: '1208' });
  await kiosk.done();

  await kiosk.feedback({ rating: 4, categories: ['room', 'cleanliness'], comment: 'The shower was cold', complaint: true, contact: '13800138000' });
  await expect(kiosk.page.getByTestId('thanks-followup')).toContainText('manager');
  // The complaint's reference is minted on the kiosk: shown at once, offline.
  const reference = (await kiosk.page.getByTestId('complaint-reference').textContent())!.trim();
  expect(reference).toMatch(/^C-[A-Z][2-9A-Z]{3}$/);
  await kiosk.done();
  await expect(kiosk.pending()).toContainText('3');

  // Still offline: the page comes back from the service worker and the outbox is still there.
  await kiosk.page.reload();
  await kiosk.ready();
  await expect(kiosk.pending()).toContainText('3');
  expect(await server.store.db.selectFrom('service_requests').select('id').execute()).toHaveLength(0);

  await context.setOffline(false);
  await expect(kiosk.pending()).toBeHidden({ timeout: 30_000 });
  await kiosk.page.reload();
  await kiosk.ready();

  const requests = await server.store.db.selectFrom('service_requests').select(['ticket', 'kind', 'room', 'details']).orderBy('ticket').execute();
  expect(requests).toHaveLength(2);
  const stored = Object.fromEntries(requests.map((r) => [r.kind, r]));
  expect(stored.luggage_in).toMatchObject({ ticket: luggage.ticket, room: '1208', details: { kind: 'luggage_in', bags: 3, claimCode: luggage.claimCode } });
  const pickupAt = (stored.luggage_in!.details as { expectedPickupAt: string }).expectedPickupAt;
  expect(new Date(pickupAt).getTime()).toBeGreaterThan(Date.now());
  expect(stored.shoe_care).toMatchObject({ ticket: shoe, room: '1208', details: { kind: 'shoe_care', pairs: 2, collectAt: 'room' } });

  const feedback = await server.store.db.selectFrom('feedback').selectAll().execute();
  expect(feedback).toHaveLength(1);
  expect(feedback[0]).toMatchObject({ rating: 4, comment: 'The shower was cold', complaint: true, contact_consent: true, contact: '13800138000' });
  expect([...feedback[0]!.categories].sort()).toEqual(['cleanliness', 'room']);
  const issues = await server.store.db.selectFrom('issues').select(['feedback_id', 'source', 'reference']).execute();
  expect(issues).toEqual([{ feedback_id: feedback[0]!.id, source: 'kiosk_feedback', reference }]);

  // Pick-up with the claim code from the ticket.
  const out = await kiosk.luggageOut(luggage.claimCode);
  await expect(kiosk.page.getByText(/call your number when your bags are ready/)).toBeVisible();
  await kiosk.done();
  await expect
    .poll(async () => (await server.store.db.selectFrom('service_requests').select(['ticket', 'details']).where('kind', '=', 'luggage_out').execute()).map((r) => [r.ticket, r.details]))
    .toEqual([[out, { kind: 'luggage_out', claimCode: luggage.claimCode }]]);

  await context.close();
});

test('HTML typed into a feedback comment is stored and shown as text', async ({ browser }) => {
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kiosk = new KioskPage(await context.newPage());
  await kiosk.open(server.url, server.demo!.kioskToken);
  let dialogs = 0;
  kiosk.page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  const html = '<img src=x onerror=alert(1)>';
  await kiosk.feedback({ rating: 2, comment: html });
  await expect(kiosk.page.getByTestId('thanks-followup')).toContainText('manager');
  await expect
    .poll(async () => (await server.store.db.selectFrom('feedback').select('comment').where('comment', '=', html).execute()).length, { timeout: 20_000 })
    .toBe(1);
  expect(dialogs).toBe(0);
  await context.close();
});

test('every new kiosk screen, portrait and landscape', async ({ browser }) => {
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const page = await context.newPage();
  const kiosk = new KioskPage(page);
  await kiosk.open(server.url, server.demo!.kioskToken);
  await keepScreenshot(page, 'kiosk-home-services-portrait');

  await page.getByTestId('tile-luggage-in').click();
  await page.getByTestId('bags-plus').click();
  await page.getByTestId('bags-minus').click();
  await expect(page.getByTestId('bags-count')).toHaveText('1');
  await page.getByTestId('pickup-tomorrow').click();
  await page.getByTestId('pickup-hour-10').click();
  await keepScreenshot(page, 'kiosk-luggage-in-portrait');
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('claim-qr')).toBeVisible();
  const claimCode = (await page.getByTestId('claim-code').textContent())!.trim();
  await keepScreenshot(page, 'kiosk-claim-portrait');
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 302, height: 900 }); // 80 mm at 96 dpi
  await keepScreenshot(page, 'kiosk-receipt-print');
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(KIOSK_PORTRAIT);
  await kiosk.done();

  await page.getByTestId('tile-luggage-out').click();
  // The code just issued (the kiosk checks a code against the ledger before it issues a pick-up ticket).
  await tapType(page.getByTestId('claim-input'), claimCode.toLowerCase());
  await expect(page.getByTestId('claim-input')).toHaveValue(claimCode);
  await keepScreenshot(page, 'kiosk-pickup-portrait');
  await page.getByTestId('claim-submit').click();
  await expect(page.getByTestId('ticket-number')).toBeVisible();
  await keepScreenshot(page, 'kiosk-pickup-ticket-portrait');
  await kiosk.done();

  await page.getByTestId('tile-shoe-care').click();
  await page.getByTestId('pairs-plus').click();
  await page.getByTestId('collect-room').click();
  await expect(page.getByTestId('confirm')).toBeDisabled();
  await tapType(page.getByTestId('room-input'), '808');
  await keepScreenshot(page, 'kiosk-shoe-care-portrait');
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('shoe-status')).toBeVisible();
  await keepScreenshot(page, 'kiosk-shoe-ticket-portrait');
  await kiosk.done();

  await page.getByTestId('tile-feedback').click();
  await page.getByTestId('rating-5').click();
  await page.getByTestId('category-service').click();
  await keepScreenshot(page, 'kiosk-feedback-portrait');
  await page.getByTestId('feedback-submit').click();
  await expect(page.getByTestId('thanks')).toBeVisible();
  await expect(page.getByTestId('thanks-followup')).not.toContainText('manager');
  await keepScreenshot(page, 'kiosk-thanks-portrait');
  await kiosk.done();

  // Two call-staff tickets: the second waits behind the first.
  // With no service history yet the quote falls back to 3–6 minutes a guest ahead (wait-estimate.spec.ts checks history).
  const estimate = page.getByTestId('wait-estimate');
  await kiosk.callStaff('question');
  await expect(estimate).toContainText(/Estimated wait: (under \d+|about \d+–\d+) minutes/);
  const firstLow = Number(await estimate.getAttribute('data-low'));
  await kiosk.done();
  await kiosk.callStaff('other');
  await expect(estimate).toContainText(/Estimated wait: about \d+–\d+ minutes/);
  expect(Number(await estimate.getAttribute('data-low'))).toBeGreaterThan(firstLow);
  await keepScreenshot(page, 'kiosk-ticket-estimate-portrait');
  await kiosk.done();

  await page.getByTestId('lang-zh-Hans').click();
  await keepScreenshot(page, 'kiosk-home-zh-Hans-portrait');
  await page.getByTestId('lang-en').click();

  await page.setViewportSize(KIOSK_LANDSCAPE);
  await keepScreenshot(page, 'kiosk-home-landscape');
  await page.getByTestId('tile-feedback').click();
  await keepScreenshot(page, 'kiosk-feedback-landscape');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('tile-luggage-in').click();
  await keepScreenshot(page, 'kiosk-luggage-in-landscape');
  await context.close();
});
