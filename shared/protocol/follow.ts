/**
 * The guest's phone follows one ticket (`/t/<token>`, issue #14). Routes, no login, rate-limited per address:
 * - `GET  /api/follow/:token`        → `FollowView` (404 `not_found` for an unknown or expired token)
 * - `GET  /api/follow/:token/live`   → SSE: `event: view` with a `FollowView` as data, sent on connect and
 *                                       whenever the view changes; `event: gone` when the token expires
 * - `POST /api/follow/:token/rating` → `FollowRatingBody` → `FollowRatingResult` (once per ticket, only
 *                                       after completion; a second rating answers 409 `conflict`)
 *
 * Never on the wire here: the guest's name, room, note, member, the staff member's name, the device.
 * The page imports only types from this file (`import type`); constants it needs are in
 * shared/domain/follow.ts, which has no zod.
 */
import { z } from 'zod';
import { FOLLOW_TOKEN_RE } from '../domain/follow.ts';
import { ClaimCode, RequestKind, RequestStatus, TicketNumber } from '../domain/request.ts';
import { SHOE_STAGES } from '../domain/luggage.machine.ts';
import { LOCALES } from '../i18n/locale.ts';

export const FollowToken = z.string().regex(FOLLOW_TOKEN_RE, 'a follow token is 22 characters of base64url');
export const FollowLocale = z.enum(LOCALES);

export const FollowParams = z.object({ token: FollowToken });

/** Seconds; the same kind of range the kiosk quotes (shared/domain/wait-estimate.ts). */
export const FollowWaitRange = z.object({ lowS: z.number().int().nonnegative(), highS: z.number().int().nonnegative() });

export const FollowView = z.object({
  ticket: TicketNumber,
  kind: RequestKind,
  /** A catalog service's names in every locale (kind `service`); null for the other kinds. */
  service: z.object({ code: z.string(), names: z.object({ en: z.string(), 'zh-Hans': z.string(), 'zh-Hant': z.string() }) }).nullable(),
  status: RequestStatus,
  /** The desk that called it (once called), e.g. "Desk 2"; never a staff member's name. */
  desk: z.string().nullable(),
  /** Tickets before it in its queue while it waits; null once called or finished. */
  ahead: z.number().int().nonnegative().nullable(),
  /** While waiting: the expected wait from now, from the same recent facts the kiosk uses; null when unknown. */
  waitRange: FollowWaitRange.nullable(),
  /** ISO times (server clock). */
  createdAt: z.string(),
  calledAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** Shoe care: the job's stage (null until accepted). */
  shoeStage: z.enum(SHOE_STAGES).nullable(),
  /**
   * Luggage: the claim code (the phone shows it and its QR: the phone becomes the claim ticket), bags,
   * and whether the bags are in store / ready to hand back. Null for the other kinds.
   */
  luggage: z
    .object({ claimCode: ClaimCode, bags: z.number().int().nullable(), stored: z.boolean(), ready: z.boolean() })
    .nullable(),
  /** After completion: whether the guest may still rate it here, and the rating given (1–5) if any. */
  ratable: z.boolean(),
  rating: z.number().int().min(1).max(5).nullable(),
  /** The guest's language on the kiosk when the ticket was issued (the page starts in it; the guest can switch). */
  language: FollowLocale,
  /** When the token stops answering (ISO). */
  expiresAt: z.string(),
});
export type FollowView = z.infer<typeof FollowView>;

export const FollowRatingBody = z.object({ rating: z.number().int().min(1).max(5) });
export type FollowRatingBody = z.infer<typeof FollowRatingBody>;
export const FollowRatingResult = z.object({ rating: z.number().int().min(1).max(5), feedbackId: z.uuid() });
export type FollowRatingResult = z.infer<typeof FollowRatingResult>;

/** What `request.create` carries for the phone (optional: tickets from staff or older kiosks have none). */
export const FollowOnCreate = z.object({ token: FollowToken, language: FollowLocale });
export type FollowOnCreate = z.infer<typeof FollowOnCreate>;
/** What `request.create` answers when a follow token came with it: the token and its path (`/t/<token>`). */
export const FollowLink = z.object({ token: FollowToken, url: z.string() });
export type FollowLink = z.infer<typeof FollowLink>;

/** `GET /api/kiosk/follow-config` (kiosks only): the base the ticket's QR points at (`LOBBYDESK_PUBLIC_URL`); null: the kiosk's own origin. */
export const FollowConfig = z.object({ publicBaseUrl: z.string().nullable() });
export type FollowConfig = z.infer<typeof FollowConfig>;
