import { z } from 'zod';
import { FreeText } from '../domain/text.ts';

export const StaffRole = z.enum(['agent', 'supervisor', 'manager']);
export type StaffRole = z.infer<typeof StaffRole>;

export const LoginBody = z.object({
  staffId: FreeText(40, { min: 1 }),
  pin: z.string().regex(/^\d{4,8}$/, 'PIN is 4 to 8 digits'),
});

export const Property = z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() });
export type Property = z.infer<typeof Property>;

export const StaffMe = z.object({
  staff: z.object({ id: z.string(), name: z.string(), role: StaffRole }),
  property: Property,
});
export type StaffMe = z.infer<typeof StaffMe>;

export const DeviceKind = z.enum(['kiosk', 'wall', 'tablet']);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** What a paired kiosk or wall display learns about itself. */
export const DeviceMe = z.object({
  deviceId: z.uuid(),
  kind: DeviceKind,
  name: z.string(),
  letter: z.string().nullable(),
  lastSeq: z.number().int().nonnegative(),
  /** Highest ticket counter this device used on the current service day, so a wiped kiosk never repeats a number. */
  lastTicketToday: z.number().int().nonnegative(),
  /** Highest complaint counter any kiosk with this letter used (shared/domain/complaint-ref.ts), so a reference is never repeated. */
  lastComplaintNo: z.number().int().nonnegative().optional(),
  serviceDay: z.string(),
  property: Property,
  serverTime: z.string(),
});
export type DeviceMe = z.infer<typeof DeviceMe>;

export const PairBody = z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{8}$/, 'pairing code is 8 letters or digits') });
export const PairResponse = z.object({ token: z.string(), me: DeviceMe });
export type PairResponse = z.infer<typeof PairResponse>;

export const PairingCodeBody = z.object({ kind: z.enum(['kiosk', 'wall']), name: FreeText(60, { min: 1 }) });
export const PairingCodeResponse = z.object({ code: z.string(), expiresAt: z.string() });

/** `POST /api/auth/logout`: the session is ended and its cookie cleared. */
export const LogoutResponse = z.object({ ok: z.literal(true) });
