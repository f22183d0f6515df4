import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../../shared/domain/service.ts';
import type { StaffSnapshot } from '../../../shared/protocol/sync.ts';
import { applyServiceEvents, serviceByCode, serviceCatalog, servicesLoaded, servicesSlice, setServices, upsertServices } from './services.ts';

function service(code: string, over: Partial<Service> = {}): Service {
  return {
    code,
    names: { en: code, 'zh-Hans': code, 'zh-Hant': code },
    icon: 'taxi',
    department: 'concierge',
    fields: { room: 'required', neededAt: 'optional', count: 'off', note: 'off' },
    callOnWall: true,
    retired: false,
    position: 0,
    updatedAt: '2026-03-14T02:00:00.000Z',
    rev: 1,
    ...over,
  };
}

const snapshot = (services: Service[], version = 7): StaffSnapshot => ({ version, requests: [], services, issues: [], luggage: [] });

describe("the tablet's service catalog", () => {
  it('takes a snapshot whole and lists it in position order, retired included', () => {
    setServices([service('umbrella', { position: 1 }), service('taxi', { position: 0 }), service('towels', { position: 2, retired: true })]);
    expect(serviceCatalog.value.map((s) => s.code)).toEqual(['taxi', 'umbrella', 'towels']);
    expect(servicesLoaded.value).toBe(true);
  });

  it('keeps the newer revision of a service, whichever arrives first', () => {
    upsertServices([service('taxi', { rev: 3, names: { en: 'Taxi', 'zh-Hans': '出租车', 'zh-Hant': '計程車' } })]);
    upsertServices([service('taxi', { rev: 2, names: { en: 'Old taxi', 'zh-Hans': '旧', 'zh-Hant': '舊' } })]);
    expect(serviceByCode('taxi')?.names.en).toBe('Taxi');
  });

  it('reads service.upserted events and ignores other events', () => {
    applyServiceEvents([
      { type: 'display.upserted', version: 4, at: '2026-03-14T02:00:00.000Z', display: { propertyName: 'Harbour Hotel', wallLanguages: ['en'] } },
      { type: 'service.upserted', version: 5, at: '2026-03-14T02:00:00.000Z', service: service('wake_up_call', { position: 3, icon: 'alarm' }) },
    ]);
    expect(serviceByCode('wake_up_call')?.icon).toBe('alarm');
    expect(serviceCatalog.value.map((s) => s.code)).toEqual(['taxi', 'umbrella', 'towels', 'wake_up_call']);
  });

  it('the saved view handed over as a snapshot when starting offline (version 0, no services) keeps the catalog', async () => {
    servicesSlice.onSnapshot(snapshot([], 0));
    await new Promise((r) => setTimeout(r, 20));
    expect(serviceCatalog.value.map((s) => s.code)).toEqual(['taxi', 'umbrella', 'towels', 'wake_up_call']);
  });

  it("a server snapshot replaces the catalog, and sign-out keeps it (it is the hotel's, not the person's)", () => {
    servicesSlice.onSnapshot(snapshot([service('late_checkout', { icon: 'key' })]));
    servicesSlice.reset();
    expect(serviceCatalog.value.map((s) => s.code)).toEqual(['late_checkout']);
    expect(serviceByCode('taxi')).toBeUndefined();
  });
});
