/**
 * The kiosk's device identity in Dexie: its token and the last DeviceMe, so
 * it starts and hands out numbers offline after a reload.
 */
import type { DeviceMe } from '../../../shared/protocol/auth.ts';
import { getMeta } from '../../../shared/sync-client/outbox.ts';
import { META, type KioskDb } from './db.ts';
import { mirrorIdentity } from './identity-mirror.ts';

/** The stored token and DeviceMe (and the start's mirror of them set to match). */
export async function readIdentity(db: KioskDb): Promise<{ token: string | null; me: DeviceMe | null }> {
  const [token, me] = await Promise.all([getMeta<string>(db, META.token), getMeta<DeviceMe>(db, META.me)]);
  mirrorIdentity({ token: token ?? null, me: me ?? null });
  return { token: token ?? null, me: me ?? null };
}

export async function saveToken(db: KioskDb, token: string): Promise<void> {
  await db.meta.put({ key: META.token, value: token });
  mirrorIdentity({ token });
}

/** Forget the credentials, never the outbox: queued requests go out after re-pairing. */
export async function forgetToken(db: KioskDb): Promise<void> {
  mirrorIdentity({ token: null }); // first: a start must never find a token Dexie no longer has
  await db.meta.delete(META.token);
}

/**
 * Takes what the server knows about this device: the sequence number and the
 * day's ticket counter only ever move forward (max of local and server), so a
 * wiped kiosk never repeats a ticket or a sequence number. Paired again as a
 * different device, queued commands move to the new identity, numbered after
 * what the server already holds for it.
 */
export async function adoptDeviceMe(db: KioskDb, me: DeviceMe): Promise<void> {
  await db.transaction('rw', [db.meta, db.outbox], async () => {
    const prev = await getMeta<DeviceMe>(db, META.me);
    let next = Math.max((await getMeta<number>(db, META.nextSeq)) ?? 1, me.lastSeq + 1);
    if (prev && prev.deviceId !== me.deviceId) {
      const rows = await db.outbox.orderBy('seq').toArray();
      await db.outbox.clear();
      next = me.lastSeq + 1;
      for (const row of rows) {
        await db.outbox.add({ ...row, seq: next, command: { ...row.command, seq: next, deviceId: me.deviceId } });
        next += 1;
      }
    }
    await db.meta.put({ key: META.nextSeq, value: next });
    const key = META.counter(me.serviceDay);
    const counter = Math.max((await getMeta<number>(db, key)) ?? 0, me.lastTicketToday);
    await db.meta.put({ key, value: counter });
    // Counters of earlier days are never needed again.
    await db.meta
      .where('key')
      .between('ticketCounter:', `ticketCounter:${me.serviceDay}`, true, false)
      .delete();
    await db.meta.put({ key: META.me, value: me });
  });
  mirrorIdentity({ me });
}
