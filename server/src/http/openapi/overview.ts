/** The prose of the API reference: the introduction (`info.description`) and what each tag is about. */
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../../shared/protocol/version.ts';

export const INTRODUCTION = `The lobbydesk server's HTTP API, for connecting a hotel's own systems (PMS, messaging, BI) to the desk. Every path below is under this server's address; this reference is generated from the server's route table and shared schemas, so it describes what the server actually parses and answers.

**Who may call.** Staff sign in with \`POST /api/auth/login\` (staff id and PIN) and carry the httpOnly session cookie \`ld_session\` (scheme \`staffSession\`); the roles are \`agent\`, \`supervisor\` and \`manager\`. Kiosks and wall displays are paired once (\`POST /api/devices/pair\` with a code a supervisor creates) and send \`Authorization: Bearer <device token>\` (scheme \`deviceToken\`); a bearer header wins over a cookie. Each operation lists who may call it (\`x-lobbydesk-access\`). Without credentials a protected route answers 401 \`unauthenticated\`; with the wrong role or device kind, 403 \`forbidden\`; with a revoked device token, 401 \`device_revoked\`.

**Protocol header.** Send \`${PROTOCOL_HEADER}: ${PROTOCOL_VERSION}\` with every request; every POST must carry it (a write without it is a 400, which keeps cross-site forms out), and a cross-site write is refused (403). An older version than the server speaks answers 426 \`protocol_outdated\` with \`details.required\`.

**Bodies and errors.** Bodies are UTF-8 JSON (at most 512 kB). Every error is \`{"error": {"code", "message", "details"?}}\` with a code from a closed list (\`ErrorCode\`); a request's own content never causes a 5xx (it gets a 4xx that says what was wrong), and a 5xx means the server's own state is broken: retry it with backoff. Answers carry \`Cache-Control: no-store\`.

**Sync.** Kiosks, walls and tablets work offline and sync with three routes (tag *Sync*): push sends commands, pull reads the event feed after a cursor, live says when to pull.`;

export const TAG_DESCRIPTIONS: Record<string, string> = {
  Health: 'For load balancers and monitors.',
  'Staff sign-in': 'Staff sessions: sign in with staff id and PIN, who am I, sign out.',
  Staff: "The caller's colleagues.",
  Devices: 'Pairing kiosks and wall displays, their health reports, the fleet list and revocation.',
  Sync: `Offline-first sync. A typical client: \`GET /api/sync/snapshot\`, then open \`GET /api/sync/live\`; on every hint (and on reconnect) \`GET /api/sync/pull?after=<cursor>\` until \`hasMore\` is false; push the outbox (\`POST /api/sync/push\`) whenever it holds commands. Every request carries \`${PROTOCOL_HEADER}: ${PROTOCOL_VERSION}\`.`,
  Kiosk: 'What only a paired kiosk asks: member cards, luggage claim codes, wait statistics.',
  Members: 'Members as staff see them: search, profile, printable card, approvals.',
  Reports: 'Daily, weekly and monthly reports, as JSON and as CSV.',
  Settings: "The property's settings.",
  Services: 'The service catalog (taxi, umbrella…): data, not code.',
  Webhooks: 'Outgoing webhooks (managers): endpoints, signing secrets (Standard Webhooks), test pings and the delivery log.',
  Reference: 'This reference, as OpenAPI 3.1 JSON and as a page.',
};
