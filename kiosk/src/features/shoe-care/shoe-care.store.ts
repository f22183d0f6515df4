/**
 * Shoe care: home → shoe_care (pairs, where to collect, when needed) →
 * shoe_ticket. The draft is dropped when the kiosk returns home.
 */
import { effect, signal } from '@preact/signals';
import { createRequest } from '../../sync/actions.ts';
import { step } from '../../app/step.ts';
import { neededByInstant, type NeededBy } from './needed-by.ts';

export const MAX_PAIRS = 10;

export interface ShoeDraft {
  pairs: number;
  collectAt: 'room' | 'lobby' | null;
  room: string;
  neededBy: NeededBy;
}
const EMPTY: ShoeDraft = { pairs: 1, collectAt: null, room: '', neededBy: 'none' };

export const shoeDraft = signal<ShoeDraft>(EMPTY);
export const shoeTicket = signal<{ ticketId: string; ticket: string } | null>(null);
export const shoeBusy = signal(false);
export const shoeError = signal<unknown>(null);

function clearShoe(): void {
  shoeDraft.value = EMPTY;
  shoeTicket.value = null;
  shoeError.value = null;
}
effect(() => {
  if (step.value === 'home') clearShoe();
});

export function startShoeCare(): void {
  clearShoe();
  step.value = 'shoe_care';
}

export function updateShoe(patch: Partial<ShoeDraft>): void {
  const next = { ...shoeDraft.value, ...patch };
  next.pairs = Math.min(MAX_PAIRS, Math.max(1, Math.round(next.pairs)));
  shoeDraft.value = next;
}

/** Collecting from a room needs the room number; from the lobby nothing more. */
export function shoeReady(d: ShoeDraft): boolean {
  return d.collectAt === 'lobby' || (d.collectAt === 'room' && d.room.trim() !== '');
}

export async function confirmShoeCare(now = new Date()): Promise<void> {
  const d = shoeDraft.value;
  if (shoeBusy.value || !shoeReady(d) || !d.collectAt) return;
  shoeBusy.value = true;
  shoeError.value = null;
  try {
    const row = await createRequest({
      kind: 'shoe_care',
      room: d.collectAt === 'room' ? d.room : null,
      details: { kind: 'shoe_care', pairs: d.pairs, collectAt: d.collectAt, neededBy: neededByInstant(d.neededBy, now) },
    });
    shoeTicket.value = { ticketId: row.id, ticket: row.ticket };
    shoeDraft.value = EMPTY;
    step.value = 'shoe_ticket';
  } catch (e) {
    shoeError.value = e;
  } finally {
    shoeBusy.value = false;
  }
}
