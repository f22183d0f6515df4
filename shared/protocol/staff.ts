import { z } from 'zod';
import { StaffRole } from './auth.ts';

/** `GET /api/staff`: the active staff of the caller's property (for hand-overs). No PINs, ever. */
export const StaffSummary = z.object({ id: z.string(), name: z.string(), role: StaffRole });
export type StaffSummary = z.infer<typeof StaffSummary>;
export const StaffList = z.object({ staff: z.array(StaffSummary) });
export type StaffList = z.infer<typeof StaffList>;
