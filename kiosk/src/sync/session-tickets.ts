/**
 * The tickets the guest at the screen took in this guest session, in memory
 * only. They are the only tickets the kiosk offers to rate ("How did we do
 * with A012?"): the guest who holds the number, never whoever comes next.
 * The app forgets them when the guest session ends (app/guest-session.ts).
 */
import { signal } from '@preact/signals';

export const sessionTickets = signal<readonly string[]>([]);

/** A number this guest just took. */
export function noteSessionTicket(id: string): void {
  if (!sessionTickets.value.includes(id)) sessionTickets.value = [...sessionTickets.value, id];
}

/** The guest session ended: none of its tickets is offered again on this kiosk. */
export function forgetSessionTickets(): void {
  if (sessionTickets.value.length > 0) sessionTickets.value = [];
}
