/** Which staff screen is open, kept in the address (`#/kiosks`) so a reload stays on it. */
import { signal } from '@preact/signals';
import type { StaffRole } from '../../../../shared/protocol/auth.ts';

export type Screen = 'queue' | 'kiosks' | 'luggage' | 'issues' | 'reports' | 'members' | 'webhooks';

function fromHash(): Screen {
  if (typeof location === 'undefined') return 'queue';
  if (location.hash === '#/luggage') return 'luggage';
  if (location.hash === '#/issues') return 'issues';
  if (location.hash === '#/members') return 'members';
  if (location.hash === '#/reports') return 'reports';
  if (location.hash === '#/webhooks') return 'webhooks';
  return location.hash === '#/kiosks' ? 'kiosks' : 'queue';
}

export const screen = signal<Screen>(fromHash());
addEventListener('hashchange', () => (screen.value = fromHash()));

export function openScreen(next: Screen): void {
  screen.value = next;
  const hash = next === 'queue' ? '' : `#/${next}`;
  if (location.hash !== hash) history.replaceState(null, '', location.pathname + location.search + hash);
}

/** Pairing, the device list and revocation are for supervisors and managers (the server enforces the same). */
export function canManageDevices(role: StaffRole): boolean {
  return role === 'supervisor' || role === 'manager';
}

/** Reports (日报 / 周报 / 月报) are for supervisors and managers (the server enforces the same). */
export function canReadReports(role: StaffRole): boolean {
  return role === 'supervisor' || role === 'manager';
}

/** Webhooks send hotel data to other systems: managers only (the server enforces the same). */
export function canManageWebhooks(role: StaffRole): boolean {
  return role === 'manager';
}
