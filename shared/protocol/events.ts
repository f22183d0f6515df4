import { z } from 'zod';
import { Issue } from '../domain/issue.ts';
import { LuggageItem } from '../domain/luggage.ts';
import { ServiceRequest, WallRequest } from '../domain/request.ts';
import { DisplaySettings } from './display.ts';
import { Approval, MemberSummary } from './members-staff.ts';

/**
 * Events as each audience receives them. `version` is the property's gap-free
 * cursor; applying an event twice changes nothing (keep the highest `rev`).
 */
export const StaffEvent = z.discriminatedUnion('type', [
  z.object({ version: z.number().int().positive(), at: z.string(), type: z.literal('request.upserted'), request: ServiceRequest }),
  z.object({ version: z.number().int().positive(), at: z.string(), type: z.literal('issue.upserted'), issue: Issue }),
  z.object({ version: z.number().int().positive(), at: z.string(), type: z.literal('luggage.upserted'), item: LuggageItem }),
  z.object({ version: z.number().int().positive(), at: z.string(), type: z.literal('member.upserted'), member: MemberSummary }),
  z.object({ version: z.number().int().positive(), at: z.string(), type: z.literal('approval.upserted'), approval: Approval }),
  z.object({ version: z.number().int().positive(), at: z.string(), type: z.literal('display.upserted'), display: DisplaySettings }),
]);
export type StaffEvent = z.infer<typeof StaffEvent>;

/** The wall also hears when a manager changes the hotel's name or the wall's languages. */
export const WallEvent = z.discriminatedUnion('type', [
  z.object({ version: z.number().int().positive(), at: z.string(), type: z.literal('request.upserted'), request: WallRequest }),
  z.object({ version: z.number().int().positive(), at: z.string(), type: z.literal('display.upserted'), display: DisplaySettings }),
]);
export type WallEvent = z.infer<typeof WallEvent>;

/** A kiosk only learns about the requests it created itself. */
export const KioskRequest = ServiceRequest.pick({ id: true, kind: true, ticket: true, status: true, desk: true, calledAt: true, rev: true });
export type KioskRequest = z.infer<typeof KioskRequest>;
export const KioskEvent = z.discriminatedUnion('type', [
  z.object({ version: z.number().int().positive(), at: z.string(), type: z.literal('request.upserted'), request: KioskRequest }),
]);
export type KioskEvent = z.infer<typeof KioskEvent>;

export const Audience = z.enum(['staff', 'wall', 'kiosk']);
export type Audience = z.infer<typeof Audience>;

/** Live hint sent over SSE: only the new version; the client then pulls. */
export const LiveHint = z.object({ version: z.number().int().nonnegative() });
export type LiveHint = z.infer<typeof LiveHint>;
