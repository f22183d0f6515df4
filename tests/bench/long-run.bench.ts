/**
 * Long run: a busy day, accelerated. The wall display stays open in Chromium
 * while kiosks create requests and staff call and complete them; the wall's
 * JS heap (after a forced GC) and the server's RSS are read at the start and
 * the end. Flat memory is the goal: growth should not scale with events.
 */
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { formatTicket, serviceDayOf } from '../../shared/domain/ticket.ts';
import { findChromium } from '../support/chromium.ts';
import { startChildServer } from './child-server.ts';

export interface LongRun {
  events: number;
  wallHeapStartKb: number;
  wallHeapGrowthKb: number;
  serverRssGrowthMb: number;
}

const json = { 'content-type': 'application/json', 'x-lobbydesk-protocol': '1' };

export async function longRun(tickets = 900, ratePerSecond = 15): Promise<LongRun> {
  const server = await startChildServer({ LOBBYDESK_STATIC: resolve('dist') });
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const kioskAuth = { ...json, authorization: `Bearer ${server.kioskToken}` };
    const me = (await (await fetch(`${server.url}/api/devices/me`, { headers: kioskAuth })).json()) as { deviceId: string; letter: string };
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ staffId: 'agent1', pin: '1111' }) });
    const staff = { ...json, cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]! };
    const tablet = uuidv7();
    let kioskSeq = 0;
    let tabletSeq = 0;
    const day = serviceDayOf(new Date(), 'UTC');
    const push = (headers: Record<string, string>, deviceId: string, seq: number, type: string, payload: unknown) =>
      fetch(`${server.url}/api/sync/push`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ deviceId, commands: [{ id: uuidv7(), deviceId, seq, createdAt: new Date().toISOString(), type, payload }] }),
      });

    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await page.goto(`${server.url}/wall/#token=${server.wallToken}`);
    await page.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: 30_000 });
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1024;
    };

    const open: string[] = [];
    let events = 0;
    const step = async (i: number) => {
      const requestId = uuidv7();
      kioskSeq += 1;
      const ticket = formatTicket(me.letter, (i % 9999) + 1);
      await push(kioskAuth, me.deviceId, kioskSeq, 'request.create', { requestId, kind: 'call_staff', ticket, serviceDay: day, reason: 'question', guestName: 'Guest', room: null, note: null, details: null });
      open.push(requestId);
      events += 1;
      if (open.length > 8) {
        const id = open.shift()!;
        tabletSeq += 1;
        await push(staff, tablet, tabletSeq, 'request.transition', { requestId: id, action: 'call', expectedStatus: 'waiting', desk: '1' });
        tabletSeq += 1;
        await push(staff, tablet, tabletSeq, 'request.transition', { requestId: id, action: 'complete', expectedStatus: 'called', desk: null });
        events += 2;
      }
    };

    // Warm up, then take the baseline.
    for (let i = 1; i <= 50; i++) await step(i);
    await new Promise((r) => setTimeout(r, 2_000));
    const heap0 = await heap();
    const rss0 = await server.rssBytes();
    for (let i = 51; i <= tickets; i++) {
      const t0 = Date.now();
      await step(i);
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 / ratePerSecond - (Date.now() - t0))));
    }
    await new Promise((r) => setTimeout(r, 3_000));
    const heap1 = await heap();
    const rss1 = await server.rssBytes();
    return { events, wallHeapStartKb: heap0, wallHeapGrowthKb: heap1 - heap0, serverRssGrowthMb: (rss1 - rss0) / 2 ** 20 };
  } finally {
    await browser.close();
    await server.stop();
  }
}
