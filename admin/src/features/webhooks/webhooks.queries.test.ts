import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_GUEST_FIELDS, WebhookEndpointBody, WebhookEndpointPatch, type WebhookDelivery, type WebhookEndpoint } from '../../../../shared/protocol/webhooks.ts';
import { adminCatalog, ADMIN_LOCALES } from '../../i18n/admin.ts';
import { bodyOf, deliveryFacts, formOf, formProblems, lastDelivery, newForm, patchOf, shortUrl, sortEndpoints, toggledEvent, toggledGuestField } from './webhooks.queries.ts';

const endpoint = (o: Partial<WebhookEndpoint> = {}): WebhookEndpoint => ({
  id: 'ep1',
  url: 'https://pms.example.com/hooks/lobbydesk',
  description: 'PMS',
  eventTypes: ['request.created'],
  guestFields: [],
  active: true,
  createdAt: '2026-12-04T08:00:00.000Z',
  secretRotatedAt: null,
  ...o,
});

const delivery = (o: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  id: 'msg_1',
  eventType: 'ping',
  entityId: 'ep1',
  status: 'pending',
  attempts: 0,
  createdAt: '2026-12-04T09:00:00.000Z',
  lastAttemptAt: null,
  lastResult: null,
  nextAttemptAt: '2026-12-04T09:00:05.000Z',
  ...o,
});

describe('a shortened address', () => {
  it('drops https:// and keeps a short address whole', () => {
    expect(shortUrl('https://pms.example.com/hooks/lobbydesk')).toBe('pms.example.com/hooks/lobbydesk');
    expect(shortUrl('https://pms.example.com/')).toBe('pms.example.com');
  });
  it('keeps http:// so an unencrypted address stands out, with its port', () => {
    expect(shortUrl('http://10.0.0.5:8080/in')).toBe('http://10.0.0.5:8080/in');
  });
  it('never shows the query (it may hold a token)', () => {
    expect(shortUrl('https://hooks.example.com/in?token=s3cr3t')).toBe('hooks.example.com/in?…');
  });
  it('cuts a long path in the middle, keeping the host and the last segment', () => {
    expect(shortUrl('https://integrations.example-hotel.com/api/v2/tenants/4711/webhooks/in', 48)).toBe('integrations.example-hotel.com/api/v2/…/in');
    const s = shortUrl('https://integrations.example-hotel.com/api/v2/tenants/4711/webhooks/lobbydesk-receiver', 48);
    expect(s).toHaveLength(48);
    expect(s).toMatch(/^integrations\.example-hotel\.com\/….*receiver$/);
  });
  it('cuts a very long host or last segment at the limit', () => {
    expect(shortUrl(`https://${'a'.repeat(80)}.example.com/x`, 40)).toHaveLength(40);
    expect(shortUrl(`https://h.example.com/${'b'.repeat(80)}`, 40).length).toBeLessThanOrEqual(40);
  });
  it('shows something readable for text that is not an address', () => {
    expect(shortUrl('not a url')).toBe('not a url');
  });
});

describe('the form', () => {
  it('starts with no events, no guest data, active', () => {
    expect(newForm()).toEqual({ url: '', description: '', eventTypes: [], guestFields: [], active: true });
  });
  it('sends a body the shared schema accepts', () => {
    const f = { ...newForm(), url: ' https://pms.example.com/in ', description: ' PMS ', eventTypes: toggledEvent([], 'request.called', true) };
    expect(bodyOf(f)).toEqual({ url: 'https://pms.example.com/in', description: 'PMS', eventTypes: ['request.called'], guestFields: [] });
    expect(WebhookEndpointBody.safeParse(bodyOf(f)).success).toBe(true);
    expect(formProblems(f)).toEqual({});
  });
  it('names each field the shared schema refuses: a bad address, no event', () => {
    expect(formProblems(newForm())).toEqual({ url: 'urlMissing', eventTypes: 'eventTypes' });
    expect(formProblems({ ...newForm(), url: 'pms.example.com', eventTypes: ['kiosk.offline'] })).toEqual({ url: 'url' });
    expect(formProblems({ ...newForm(), url: 'ftp://pms.example.com/', eventTypes: ['kiosk.offline'] })).toEqual({ url: 'url' });
    expect(formProblems({ ...newForm(), url: 'https://user:pw@pms.example.com/', eventTypes: ['kiosk.offline'] })).toEqual({ url: 'url' });
    expect(formProblems({ ...newForm(), url: 'https://pms.example.com/a b', eventTypes: ['kiosk.offline'] })).toEqual({ url: 'url' });
    expect(formProblems({ ...newForm(), url: `https://x.example.com/${'a'.repeat(2000)}`, eventTypes: ['kiosk.offline'] })).toEqual({ url: 'urlLong' });
  });
  it('refuses a description the server would refuse', () => {
    const ok = { ...newForm(), url: 'https://x.example.com/', eventTypes: ['kiosk.offline' as const] };
    expect(formProblems({ ...ok, description: 'x'.repeat(121) })).toEqual({ description: 'description' });
    expect(formProblems({ ...ok, description: 'bell\u0007' })).toEqual({ description: 'description' });
  });
  it('keeps ticked events and guest fields in the shared order', () => {
    let events = toggledEvent([], 'kiosk.offline', true);
    events = toggledEvent(events, 'request.created', true);
    expect(events).toEqual(['request.created', 'kiosk.offline']);
    expect(toggledEvent(events, 'kiosk.offline', false)).toEqual(['request.created']);
    expect(toggledGuestField(['note'], 'guestName', true)).toEqual(['guestName', 'note']);
  });
  it('sends only what an edit changed, and nothing when nothing did', () => {
    const was = endpoint({ eventTypes: ['request.created', 'request.called'] });
    expect(patchOf(formOf(was), was)).toEqual({});
    expect(patchOf({ ...formOf(was), eventTypes: ['request.called', 'request.created'] }, was)).toEqual({});
    const patch = patchOf({ ...formOf(was), eventTypes: ['complaint.opened'], active: false, guestFields: ['room'] }, was);
    expect(patch).toEqual({ eventTypes: ['complaint.opened'], guestFields: ['room'], active: false });
    expect(WebhookEndpointPatch.safeParse(patch).success).toBe(true);
  });
  it('pauses with `active` alone, which the shared schema reads without touching the guest fields', () => {
    const was = endpoint({ guestFields: ['guestName'] });
    const patch = patchOf({ ...formOf(was), active: false }, was);
    expect(patch).toEqual({ active: false });
    expect(WebhookEndpointPatch.parse(patch)).toEqual({ active: false });
  });
});

describe('the list', () => {
  it('puts active endpoints first, then the oldest', () => {
    const list = [
      endpoint({ id: 'c', active: false, createdAt: '2026-12-01T00:00:00Z' }),
      endpoint({ id: 'b', createdAt: '2026-12-03T00:00:00Z' }),
      endpoint({ id: 'a', createdAt: '2026-12-02T00:00:00Z' }),
    ];
    expect(sortEndpoints(list).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
  it('knows the last delivery only when deliveries were loaded', () => {
    expect(lastDelivery(undefined)).toBeNull();
    expect(lastDelivery([])).toBeNull();
    const older = delivery({ id: 'old', createdAt: '2026-12-04T08:00:00Z', status: 'failed' });
    const newer = delivery({ id: 'new', createdAt: '2026-12-04T10:00:00Z', status: 'delivered' });
    expect(lastDelivery([older, newer])?.id).toBe('new');
  });
});

describe('a delivery line', () => {
  it('says the receiver’s status as HTTP nnn and a reason as it is', () => {
    expect(deliveryFacts(delivery({ status: 'delivered', attempts: 1, lastResult: '204', nextAttemptAt: null })).result).toBe('HTTP 204');
    expect(deliveryFacts(delivery({ status: 'pending', attempts: 2, lastResult: 'timeout' })).result).toBe('timeout');
    expect(deliveryFacts(delivery()).result).toBeNull();
  });
  it('shows the next try only while the delivery will be tried again', () => {
    expect(deliveryFacts(delivery()).next).toBe('2026-12-04T09:00:05.000Z');
    expect(deliveryFacts(delivery({ status: 'failed', nextAttemptAt: '2026-12-04T09:10:00Z' })).next).toBeNull();
    expect(deliveryFacts(delivery({ status: 'delivered', nextAttemptAt: '2026-12-04T09:10:00Z' })).next).toBeNull();
  });
});

describe('words', () => {
  it('names every event type, guest field and delivery status in both tablet languages', () => {
    for (const lang of ADMIN_LOCALES) {
      const c = adminCatalog[lang] as Record<string, string>;
      for (const type of [...WEBHOOK_EVENT_TYPES, 'ping']) expect(c[`webhooks.event.${type}`], `${lang} ${type}`).toBeTruthy();
      for (const f of WEBHOOK_GUEST_FIELDS) expect(c[`webhooks.guest.${f}`], `${lang} ${f}`).toBeTruthy();
      for (const s of ['pending', 'delivered', 'failed']) expect(c[`webhooks.status.${s}`], `${lang} ${s}`).toBeTruthy();
    }
  });
});
