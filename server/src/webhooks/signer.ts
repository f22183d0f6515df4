/**
 * Standard Webhooks signing: `webhook-id`, `webhook-timestamp` and `webhook-signature`
 * (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`), secrets `whsec_<base64>`. For a day
 * after a rotation the previous secret signs too, space-separated (the specification
 * allows several signatures), so a receiver can switch secrets without losing a message.
 */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export const ROTATION_WINDOW_MS = 24 * 60 * 60_000;

export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export interface Secrets {
  secret: string;
  previousSecret: string | null;
  rotatedAt: Date | null;
}

export function signatureHeaders(msgId: string, at: Date, body: string, s: Secrets): Record<string, string> {
  const sigs = [new Webhook(s.secret).sign(msgId, at, body)];
  if (s.previousSecret && s.rotatedAt && at.getTime() - s.rotatedAt.getTime() < ROTATION_WINDOW_MS) sigs.push(new Webhook(s.previousSecret).sign(msgId, at, body));
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': sigs.join(' '),
  };
}
