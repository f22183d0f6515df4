import { v7 as uuidv7 } from 'uuid';
import { hashPin, newToken, tokenHash } from '../auth/secrets.ts';
import type { ServiceBody } from '../../../shared/domain/service.ts';
import { saveService } from '../services/services.repo.ts';
import type { Store } from '../store/store.ts';

export interface DemoCredentials {
  staff: { id: string; name: string; role: string; pin: string }[];
  kioskToken: string;
  wallToken: string;
}

const STAFF = [
  { id: 'agent1', name: 'Lin Mei', role: 'agent', pin: '1111' },
  { id: 'agent2', name: 'Tom Baker', role: 'agent', pin: '1112' },
  { id: 'super1', name: 'Zhou Hao', role: 'supervisor', pin: '2222' },
  { id: 'manager1', name: 'Grace Chen', role: 'manager', pin: '3333' },
];

const MEMBERS: [string, string, number, number][] = [
  ['Li Wei', 'gold', 128_000, 5_420],
  ['Wang Fang', 'silver', 35_050, 1_210],
  ['Zhang Min', 'platinum', 560_000, 22_800],
  ['Liu Yang', 'classic', 0, 80],
  ['Chen Jing', 'gold', 88_800, 4_050],
  ['Yang Lei', 'silver', 12_000, 960],
  ['Huang Xin', 'classic', 5_000, 150],
  ['Zhao Qiang', 'gold', 203_400, 7_330],
  ['Wu Ting', 'silver', 46_600, 2_005],
  ['Zhou Jie', 'classic', 990, 40],
  ['Emma Wilson', 'platinum', 1_250_000, 41_900],
  ['James Smith', 'gold', 74_500, 3_800],
  ['Sofia Rossi', 'silver', 21_000, 1_430],
  ['Kenji Tanaka', 'gold', 99_900, 6_120],
  ['Ana Souza', 'classic', 3_300, 210],
  ['Omar Haddad', 'silver', 18_750, 1_100],
  ['Sun Yue', 'platinum', 880_000, 30_250],
  ['Ma Lin', 'classic', 0, 0],
  ['Hu Jun', 'gold', 150_000, 9_900],
  ['Guo Rui', 'silver', 27_300, 1_760],
];

/** The demo hotel's service catalog (a manager edits it on the tablet): towels to the room, an umbrella at the desk, a wake-up call the wall never calls. */
export const DEMO_SERVICES: ServiceBody[] = [
  {
    code: 'extra_towels',
    names: { en: 'Extra towels', 'zh-Hans': '加送毛巾', 'zh-Hant': '加送毛巾' },
    icon: 'towel',
    department: 'housekeeping',
    fields: { room: 'required', neededAt: 'off', count: 'required', note: 'optional' },
    callOnWall: true,
    retired: false,
  },
  {
    code: 'umbrella',
    names: { en: 'Borrow an umbrella', 'zh-Hans': '借用雨伞', 'zh-Hant': '借用雨傘' },
    icon: 'umbrella',
    department: 'concierge',
    fields: { room: 'off', neededAt: 'off', count: 'optional', note: 'off' },
    callOnWall: true,
    retired: false,
  },
  {
    code: 'wake_up_call',
    names: { en: 'Wake-up call', 'zh-Hans': '叫醒服务', 'zh-Hant': '叫醒服務' },
    icon: 'alarm',
    department: 'front_office',
    fields: { room: 'required', neededAt: 'required', count: 'off', note: 'optional' },
    callOnWall: false,
    retired: false,
  },
];

/** A few past entries per member: a top-up, a stay's spending and points, now and then a staff adjustment. */
function demoLedger(memberIds: string[]) {
  const day = 86_400_000;
  const now = Date.now();
  return memberIds.flatMap((memberId, i) => {
    const base = 10_000 + (i % 7) * 5_000;
    const rows: { kind: 'topup' | 'redeem' | 'adjust' | 'earn'; amount_minor: number; points: number; reason: string; staff_id: string | null; at: Date }[] = [
      { kind: 'topup', amount_minor: base * 2, points: 0, reason: 'Top-up at the front desk', staff_id: 'agent1', at: new Date(now - (30 + i) * day) },
      { kind: 'redeem', amount_minor: -Math.round(base * 0.6), points: 0, reason: 'Restaurant', staff_id: null, at: new Date(now - (12 + i) * day) },
      { kind: 'earn', amount_minor: 0, points: 40 + i * 5, reason: 'Stay points', staff_id: null, at: new Date(now - (5 + (i % 4)) * day) },
      { kind: 'redeem', amount_minor: -1_500 - i * 100, points: 0, reason: 'Laundry', staff_id: null, at: new Date(now - (2 + (i % 3)) * day) },
    ];
    if (i % 3 === 0) rows.push({ kind: 'adjust', amount_minor: 2_000, points: 0, reason: 'Goodwill credit', staff_id: 'super1', at: new Date(now - day) });
    return rows.map((r) => ({ id: uuidv7(), member_id: memberId, ...r }));
  });
}

/**
 * First start only: a property, staff of each role, members, a paired demo
 * kiosk and a wall display, and three catalog services. Runs in one transaction; when a property exists
 * it does nothing, so a second start never seeds twice.
 */
export async function seedDemo(store: Store, timeZone: string): Promise<DemoCredentials | null> {
  const kioskToken = newToken();
  const wallToken = newToken();
  const pinHashes = await Promise.all(STAFF.map((s) => hashPin(s.pin)));
  const seeded = await store.tx(async (trx) => {
    const any = await trx.selectFrom('properties').select('id').limit(1).executeTakeFirst();
    if (any) return false;
    const propertyId = uuidv7();
    await trx.insertInto('properties').values({ id: propertyId, name: 'Harbour View Hotel', time_zone: timeZone }).execute();
    await trx
      .insertInto('staff')
      .values(STAFF.map((s, i) => ({ id: s.id, property_id: propertyId, name: s.name, role: s.role, pin_hash: pinHashes[i]! })))
      .execute();
    const memberIds = MEMBERS.map(() => uuidv7());
    await trx
      .insertInto('members')
      .values(MEMBERS.map(([name, tier, balance, points], i) => ({ id: memberIds[i]!, property_id: propertyId, name, tier, balance_minor: balance, points })))
      .execute();
    await trx.insertInto('member_ledger').values(demoLedger(memberIds)).execute();
    await trx
      .insertInto('devices')
      .values([
        { id: uuidv7(), property_id: propertyId, kind: 'kiosk', name: 'Lobby kiosk A', letter: 'A', token_hash: tokenHash(kioskToken) },
        { id: uuidv7(), property_id: propertyId, kind: 'wall', name: 'Lobby wall', letter: null, token_hash: tokenHash(wallToken) },
      ])
      .execute();
    const seededAt = new Date();
    for (const [position, service] of DEMO_SERVICES.entries()) await saveService(trx, propertyId, service, position, seededAt);
    return true;
  });
  return seeded ? { staff: STAFF, kioskToken, wallToken } : null;
}
