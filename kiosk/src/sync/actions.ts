/** What the kiosk screens can do. Each action writes locally first, then nudges the flusher. */
import { db } from './client.ts';
import { flusher } from './engine.ts';
import { me } from './session.ts';
import { createCallStaffTicket, type CallStaffInput } from './tickets.ts';
import type { TicketRow } from './db.ts';

export type { CallStaffInput };

/** Takes a number for the guest; works offline. The returned row carries the ticket to show. */
export async function callStaff(input: CallStaffInput): Promise<TicketRow> {
  const device = me.value;
  if (!device) throw new Error('the kiosk has no identity yet');
  const row = await createCallStaffTicket(db, device, input);
  flusher.kick();
  return row;
}

export { pair, refresh } from './session.ts';
