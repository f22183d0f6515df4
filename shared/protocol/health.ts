/** `GET /api/health`: for a load balancer or a monitor (200 healthy, 503 with the problems otherwise). */
import { z } from 'zod';

export const HealthResponse = z.object({
  ok: z.boolean(),
  /** Empty when healthy; otherwise what is wrong (the database unreachable). */
  problems: z.array(z.string()),
  /** The store in use: embedded PGlite or PostgreSQL. */
  driver: z.enum(['pglite', 'postgres']),
  /** The protocol version this server speaks (shared/protocol/version.ts). */
  protocol: z.number().int(),
  /** Which server instance answered (several may share one database). */
  instance: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
