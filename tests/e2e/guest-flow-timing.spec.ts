/**
 * Flow timing: a scripted first-time guest does each guest flow by touch only, from the home
 * screen to its result, and every tap (buttons, keys, candidates) and every screen is counted.
 * The machine taps in milliseconds, so the human time is estimated with the Keystroke-Level Model
 * (constants in tests/e2e/guest-flow-klm.ts). Writes test-results/guest-flows.json;
 * `npx tsx scripts/guest-flows-doc.ts` turns it into docs/GUEST-FLOWS.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { cardCode } from '../../shared/domain/card-token.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { estimateSeconds, type FlowCount } from './guest-flow-klm.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_PORTRAIT } from './support.ts';
import { resetTaps, tap, tapPinyin, taps, tapType } from './touch.ts';

let server: TestServer;
const results: (FlowCount & { flow: string; machineMs: number; humanS: number })[] = [];

test.describe.configure({ timeout: 240_000 });
test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startTestServer();
});
test.afterAll(async () => {
  await mkdir('test-results', { recursive: true });
  await writeFile('test-results/guest-flows.json', `${JSON.stringify(results, null, 2)}\n`);
  await server?.stop(true);
});

/** Records each screen the kiosk shows (its `data-step`), from now on. */
async function watchScreens(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __screens: string[] };
    const kiosk = document.querySelector('.kiosk')!;
    w.__screens = [kiosk.getAttribute('data-step') ?? ''];
    new MutationObserver(() => {
      const s = kiosk.getAttribute('data-step') ?? '';
      if (w.__screens.at(-1) !== s) w.__screens.push(s);
    }).observe(kiosk, { attributes: true, attributeFilter: ['data-step'] });
  });
  return () => page.evaluate(() => (window as unknown as { __screens: string[] }).__screens.length);
}

/** Runs one flow from home, counting taps (split into key taps and other taps), screens and time. */
async function timed(page: Page, flow: string, run: () => Promise<void>) {
  const screens = await watchScreens(page);
  resetTaps();
  const t0 = performance.now();
  await run();
  const machineMs = Math.round(performance.now() - t0);
  const count: FlowCount = { taps: taps.count, keyTaps: taps.keys, candidatePicks: taps.picks, screens: await screens() };
  results.push({ flow, ...count, machineMs, humanS: estimateSeconds(count) });
}

async function freshKiosk(browser: import('@playwright/test').Browser): Promise<KioskPage> {
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kiosk = new KioskPage(await context.newPage());
  await kiosk.open(server.url, server.demo!.kioskToken);
  return kiosk;
}

const by = (page: Page, id: string) => page.getByTestId(id);

test('each guest flow by touch: taps, screens, machine time and an estimated human time', async ({ browser }) => {
  const kiosk = await freshKiosk(browser);
  const page = kiosk.page;

  await timed(page, 'Call staff (a question, no details)', async () => {
    await tap(by(page, 'call-staff'));
    await tap(by(page, 'reason-question'));
    await tap(by(page, 'skip-details'));
    await tap(by(page, 'confirm'));
    await expect(by(page, 'ticket-number')).toBeVisible();
  });
  await kiosk.done();

  let claimCode = '';
  await timed(page, 'Luggage in (2 bags, room 1208, tomorrow 10:00)', async () => {
    await tap(by(page, 'tile-luggage-in'));
    await tap(by(page, 'bags-plus'));
    await tapType(by(page, 'room-input'), '1208');
    await tap(by(page, 'pickup-tomorrow'));
    await tap(by(page, 'pickup-hour-10'));
    await tap(by(page, 'confirm'));
    await expect(by(page, 'claim-code')).toBeVisible();
    claimCode = (await by(page, 'claim-code').textContent())!.trim();
  });
  await kiosk.done();

  await timed(page, 'Luggage out (claim code typed on the keypad)', async () => {
    await tap(by(page, 'tile-luggage-out'));
    await tapType(by(page, 'claim-input'), claimCode);
    await tap(by(page, 'claim-submit'));
    await expect(by(page, 'ticket-number')).toBeVisible();
  });
  await kiosk.done();

  await timed(page, 'Shoe care (1 pair, from room 1208)', async () => {
    await tap(by(page, 'tile-shoe-care'));
    await tap(by(page, 'collect-room'));
    await tapType(by(page, 'room-input'), '1208');
    await tap(by(page, 'confirm'));
    await expect(by(page, 'ticket-number')).toBeVisible();
  });
  await kiosk.done();

  const complaint = 'Room is too cold';
  await timed(page, `Feedback, complaint in English ("${complaint}")`, async () => {
    await tap(by(page, 'tile-feedback'));
    await tap(by(page, 'rating-2'));
    await tapType(by(page, 'feedback-comment'), complaint);
    await tap(by(page, 'complaint-toggle'));
    await tap(by(page, 'feedback-submit'));
    await expect(by(page, 'thanks')).toBeVisible();
  });
  await kiosk.done();

  await tap(by(page, 'lang-zh-Hans'));
  await timed(page, 'Feedback, complaint in pinyin (空调坏了 "the air conditioning is broken")', async () => {
    await tap(by(page, 'tile-feedback'));
    await tap(by(page, 'rating-2'));
    const comment = by(page, 'feedback-comment');
    await tapPinyin(comment, 'kong', '空');
    await tapPinyin(comment, 'tiao', '调');
    await tapPinyin(comment, 'huai', '坏');
    await tapPinyin(comment, 'le', '了');
    await expect(comment).toHaveValue('空调坏了');
    await tap(by(page, 'complaint-toggle'));
    await tap(by(page, 'feedback-submit'));
    await expect(by(page, 'thanks')).toBeVisible();
  });
  await kiosk.done();
  await tap(by(page, 'lang-en'));

  const m = await server.store.db.selectFrom('members').select(['card_id', 'card_version']).orderBy('name').executeTakeFirstOrThrow();
  const code = cardCode(m.card_id, m.card_version);
  await timed(page, 'My balance by typed card code (on the keypad)', async () => {
    await tap(by(page, 'my-balance'));
    await tapType(by(page, 'card-code'), code);
    await tap(by(page, 'card-submit'));
    await expect(by(page, 'balance-name')).toBeVisible();
  });

  for (const r of results) console.log(`${r.flow}: ${r.taps} taps (${r.keyTaps} keys), ${r.screens} screens, machine ${r.machineMs} ms, human ≈ ${r.humanS} s`);
  expect(results).toHaveLength(7);
  for (const r of results) expect(r.taps, r.flow).toBeGreaterThan(r.keyTaps);
  await page.context().close();
});
