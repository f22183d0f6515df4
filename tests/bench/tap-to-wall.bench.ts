/**
 * What a guest and a desk see: in real Chromium, from the guest's tap on the
 * kiosk's confirm button (the pointerdown, timed in the kiosk page) to the
 * ticket appearing on the wall page and on the staff queue (each page times
 * the DOM change itself). Three pages on one server, on loopback; `tickets`
 * tickets one after another. Each ticket is cancelled through the API once
 * both screens show it, so the wall never has more to show than it fits.
 * Clocks: every time is `performance.timeOrigin + performance.now()` in the
 * same browser process on the same machine.
 */
import { chromium, type Page } from '@playwright/test';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { StaffDriver } from '../integration/helpers.ts';
import { findChromium } from '../support/chromium.ts';
import type { TestServer } from '../support/server.ts';
import { percentile } from './fixtures.ts';

export interface TapToScreens {
  wallP95: number;
  queueP95: number;
  samples: number;
}

/**
 * Watches the page for elements matching `selector` and notes when each ticket (its text, or the
 * attribute `attr`) first appears. A string, not a function: tsx adds helpers to functions that the
 * page does not have.
 */
async function watchTickets(page: Page, selector: string, attr: string): Promise<void> {
  await page.evaluate(`(() => {
    const seen = {};
    window.__seen = seen;
    const sel = ${JSON.stringify(selector)}, attr = ${JSON.stringify(attr)};
    const scan = () => {
      const at = performance.timeOrigin + performance.now();
      for (const el of document.querySelectorAll(sel)) {
        const t = (attr ? el.getAttribute(attr) : el.textContent)?.trim();
        if (t && !(t in seen)) seen[t] = at;
      }
    };
    new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    scan();
  })()`);
}

const seenAt = (page: Page, ticket: string) => page.evaluate(`window.__seen[${JSON.stringify(ticket)}] ?? null`) as Promise<number | null>;

export async function tapToScreens(server: TestServer, tickets = 30): Promise<TapToScreens> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const staff = await new StaffDriver(server.url).login('agent1', '1111');
  try {
    const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true })).newPage();
    const wall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    const tablet = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await kiosk.goto(`${server.url}/kiosk/#token=${server.demo!.kioskToken}`);
    await wall.goto(`${server.url}/wall/#token=${server.demo!.wallToken}`);
    await tablet.goto(`${server.url}/admin/`);
    await tablet.getByTestId('staff-id').fill('agent1');
    await tablet.getByTestId('pin').fill('1111');
    await tablet.getByTestId('login-submit').click();
    for (const p of [kiosk, wall, tablet]) await p.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: 30_000 });
    await wall.locator('[data-testid="live-status"][data-status="live"]').waitFor({ state: 'attached', timeout: 30_000 });
    await watchTickets(wall, '[data-testid="waiting-ticket"]', '');
    await watchTickets(tablet, '[data-testid="request-row"]', 'data-ticket');
    await kiosk.evaluate(`document.addEventListener('pointerdown', (e) => {
      if (e.target.closest('[data-testid="confirm"]')) window.__tapAt = performance.timeOrigin + performance.now();
    }, { capture: true })`);

    const toWall: number[] = [];
    const toQueue: number[] = [];
    for (let i = 0; i < tickets; i++) {
      await kiosk.getByTestId('call-staff').tap();
      await kiosk.getByTestId('reason-question').tap();
      const skip = kiosk.getByTestId('skip-details');
      if (await skip.isVisible().catch(() => false)) await skip.tap();
      await kiosk.getByTestId('confirm').tap();
      const shown = kiosk.getByTestId('ticket-number');
      await shown.waitFor({ timeout: 15_000 });
      const ticket = (await shown.textContent())!.trim();
      const tapAt = (await kiosk.evaluate('window.__tapAt')) as number;
      let wallAt: number | null = null;
      let queueAt: number | null = null;
      for (let waited = 0; (wallAt === null || queueAt === null) && waited < 15_000; waited += 20) {
        wallAt ??= await seenAt(wall, ticket);
        queueAt ??= await seenAt(tablet, ticket);
        if (wallAt === null || queueAt === null) await new Promise((r) => setTimeout(r, 20));
      }
      if (wallAt === null || queueAt === null) throw new Error(`ticket ${ticket} did not reach the ${wallAt === null ? 'wall' : 'queue'} in 15 s`);
      toWall.push(wallAt - tapAt);
      toQueue.push(queueAt - tapAt);
      // Clear it, so the next ticket is not hidden behind a full wall.
      const row = await sql<{ id: string }>`select id from service_requests where ticket = ${ticket} and status = 'waiting' order by created_at desc limit 1`.execute(server.store.db);
      const requestId = row.rows[0]?.id;
      if (requestId) await staff.push([{ ...staff.transition(requestId, 'cancel', 'waiting'), id: uuidv7() }]);
      await kiosk.getByTestId('done').tap();
      await kiosk.getByTestId('call-staff').waitFor();
    }
    toWall.sort((a, b) => a - b);
    toQueue.sort((a, b) => a - b);
    return { wallP95: percentile(toWall, 95), queueP95: percentile(toQueue, 95), samples: toWall.length };
  } finally {
    await browser.close();
  }
}
