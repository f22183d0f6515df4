/** The kiosk's one database and one API client. The bearer token lives here, in memory, mirrored in Dexie `meta`. */
import { Api } from '../../../shared/sync-client/http.ts';
import { KioskDb } from './db.ts';

export const db = new KioskDb();

let token: string | null = null;
export function setToken(next: string | null): void {
  token = next;
}
export function hasToken(): boolean {
  return token !== null;
}

export const api = new Api({ token: () => token });
