import type { StaffRole } from '../../../shared/protocol/auth.ts';

export type Principal =
  | { kind: 'staff'; staffId: string; name: string; role: StaffRole; propertyId: string }
  | { kind: 'device'; deviceKind: 'kiosk' | 'wall'; deviceId: string; propertyId: string };

/** Who may call a route. `public` needs no credentials. */
export type Access = 'public' | 'kiosk' | 'wall' | StaffRole;
export const STAFF_ROLES: readonly StaffRole[] = ['agent', 'supervisor', 'manager'];
export const SUPERVISORS: readonly StaffRole[] = ['supervisor', 'manager'];

export function principalAccess(p: Principal): Access {
  return p.kind === 'staff' ? p.role : p.deviceKind;
}
