import { expect, test } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { IssuesPage } from './pages/issues.page.ts';
import { TABLET, keepScreenshot } from './support.ts';

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.stop(true);
});

/** A guest's complaint as the demo kiosk sends it: a `feedback.submit` command over HTTP with the kiosk's token. */
async function kioskComplaint(comment: string, o: { rating?: number; room?: string; guestName?: string } = {}): Promise<string> {
  const kiosk = new TestClient(server.url, server.demo!.kioskToken);
  const me = (await kiosk.get('/api/devices/me')).body as { deviceId: string; lastSeq: number };
  const r = await kiosk.post('/api/sync/push', {
    deviceId: me.deviceId,
    sentAt: new Date().toISOString(),
    commands: [
      {
        id: uuidv7(),
        deviceId: me.deviceId,
        seq: me.lastSeq + 1,
        type: 'feedback.submit',
        createdAt: new Date().toISOString(),
        payload: {
          feedbackId: uuidv7(),
          rating: o.rating ?? 2,
          categories: ['cleanliness'],
          comment,
          complaint: true,
          contactConsent: true,
          contact: '+86 138 0000 0000',
          guestName: o.guestName ?? 'Wang Fang',
          room: o.room ?? '0805',
          requestId: null,
        },
      },
    ],
  });
  expect(r.body.outcomes[0].outcome).toBe('applied');
  return r.body.outcomes[0].result.issueId as string;
}

test('a kiosk complaint appears live on the board; the first responder owns it, works it, follows up and closes it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: TABLET });
  const admin = new AdminPage(await context.newPage());
  const board = new IssuesPage(admin.page);
  await admin.login(server.url, 'agent1', '1111');
  await board.open();

  // Some history on the board first, so the screenshot shows a working board.
  await kioskComplaint('Breakfast ran out of eggs at 8:30', { rating: 2, room: '1203', guestName: 'Kenji Tanaka' });
  await kioskComplaint('Air conditioning is noisy at night', { rating: 1, room: '0917', guestName: 'Sofia Rossi' });

  // A guest's complaint, with markup typed into the comment, arrives while the board is open.
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> Towels not changed';
  const id = await kioskComplaint(hostile);
  const card = board.card(id);
  await expect(card).toHaveCount(1, { timeout: 15_000 });
  await expect(card).toHaveAttribute('data-status', 'new');
  await expect(card.getByTestId('issue-summary')).toHaveText(hostile); // shown as text
  await expect(admin.page.locator('.issues-screen img')).toHaveCount(0);
  expect(await admin.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(card.getByTestId('issue-owner')).toHaveText(/Not acknowledged/);
  await expect(board.cards()).toHaveCount(3);
  await keepScreenshot(admin.page, 'admin-issues-board');

  // The first responder acknowledges it and owns it.
  await board.select(id);
  await expect(board.detail().getByTestId('issue-detail-summary')).toHaveText(hostile);
  await board.act(id, 'acknowledge', 'acknowledged');
  await expect(card.getByTestId('issue-owner')).toHaveText('Owner: Lin Mei');
  await board.act(id, 'start', 'in_progress');
  await board.addNote('Housekeeping on the way with fresh towels');
  await expect(board.detail().getByTestId('issue-note')).toHaveText(/Housekeeping on the way/);
  await board.detail().getByTestId('issue-dept-housekeeping').check();
  await board.detail().getByTestId('issue-departments-save').click();
  await expect(board.detail().getByTestId('issue-dept-housekeeping')).toBeChecked();
  await expect(board.detail().getByTestId('issue-departments-save')).toHaveCount(0);
  await board.detail().evaluate((el) => el.scrollTo(0, 0));
  await keepScreenshot(admin.page, 'admin-issues-detail');

  await board.act(id, 'resolve', 'resolved');
  // Close is not offered until the follow-up is recorded.
  await expect(board.action('close')).toHaveCount(0);
  await expect(board.detail().getByTestId('followup-required')).toBeVisible();
  await board.detail().evaluate((el) => el.scrollTo(0, 0));
  await keepScreenshot(admin.page, 'admin-issues-followup');
  await board.recordFollowUp({ method: 'visit', guestView: 'Fresh towels arrived within 10 minutes. Happy.', satisfied: true });
  await expect(card).toHaveAttribute('data-status', 'followed_up');
  await expect(board.detail().getByTestId('issue-satisfied')).toHaveAttribute('data-satisfied', 'true');
  await board.action('close').click();
  // A closed issue leaves the open board; its detail stays open until dismissed.
  await expect(card).toHaveCount(0);
  await expect(board.detail()).toHaveAttribute('data-status', 'closed');
  await admin.page.getByTestId('issues-status-filter').selectOption('closed');
  await expect(card).toHaveAttribute('data-status', 'closed');

  const row = await server.store.db.selectFrom('issues').select(['status', 'owner_staff_id', 'satisfied']).where('id', '=', id).executeTakeFirstOrThrow();
  expect(row).toEqual({ status: 'closed', owner_staff_id: 'agent1', satisfied: true });
  await context.close();
});
