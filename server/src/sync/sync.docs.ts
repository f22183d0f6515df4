/**
 * The sync protocol as the API reference tells it (GET /api/docs, docs/openapi.json).
 * Lists (command types, event types per audience, limits) are read from the protocol
 * itself, so the text cannot drift from it.
 */
import { COMMAND_TYPES } from '../../../shared/protocol/commands.ts';
import { Audience, eventTypesFor } from '../../../shared/protocol/events.ts';
import { MAX_PULL_BATCH, MAX_PUSH_BATCH, MAX_PUSH_BYTES } from '../../../shared/protocol/sync.ts';
import { HEARTBEAT_MS } from '../live/live.stream.ts';

const code = (s: string) => `\`${s}\``;
const perAudience = Audience.options.map((a) => `- ${a}: ${eventTypesFor(a).map(code).join(', ')}`).join('\n');

export const PUSH_DESCRIPTION = `A device (kiosk or staff tablet) sends its outbox in order: at most ${MAX_PUSH_BATCH} commands and about ${MAX_PUSH_BYTES / 1024} kB of JSON per batch, each command \`{id (UUIDv7), deviceId, seq, type, payload, createdAt}\`, numbered \`seq\` = 1, 2, 3… per device, and the batch stamped with the device's clock in \`sentAt\`.

The server reads the envelope (device, \`sentAt\`, each command's id, seq and type; a broken envelope is a 400), then each command with the full command schema on its own, and settles them one by one, each in its own transaction. Per command, \`outcomes[]\` says:
- \`applied\` with its \`result\`;
- \`duplicate\` (the id was already stored) with the stored result: resending is always safe;
- \`rejected\` with \`error: {code, message}\` (e.g. \`bad_request\`, \`conflict\`, \`illegal_transition\`, \`forbidden\`): its changes roll back, but its number still advances, so one bad command never blocks the ones behind it.

\`lastSeq\` is the device's last settled number. A command whose \`seq\` is not \`lastSeq + 1\` stops the batch: 409 \`seq_gap\` with \`details: {expectedSeq, outcomes}\` (\`SeqGapDetails\`) (the commands settled before it); renumber what is left from \`expectedSeq\` and push again. Retry network errors, 5xx and 429 with backoff; nothing is ever dropped.

Command types (the full shape of each: the \`Command\` schema of this reference): ${COMMAND_TYPES.map(code).join(', ')}.`;

export const PULL_DESCRIPTION = `Reads the property's event feed after a cursor: \`after\` is the last \`version\` the caller applied (0 to start). Versions are gap-free and committed in order, so a reader that saw version V has seen everything below it.

The answer holds at most ${MAX_PULL_BATCH} events with \`version\` > \`after\`, each \`{version, at, type, <field>: data}\`; the new cursor is \`version\`. \`hasMore: true\`: pull again at once. \`reset: true\`: the cursor is ahead of the server (a restored database): take \`GET /api/sync/snapshot\` again and continue from its version. Applying an event twice changes nothing (keep the highest \`rev\`).

Each audience receives its own projection of an event, and only these types:
${perAudience}`;

export const SNAPSHOT_DESCRIPTION = `The state to start from (or restart from after \`reset\`): active and today's requests and the service catalog for every audience; the wall also gets the display settings; staff also get open issues and the luggage in store. Continue with \`GET /api/sync/pull?after=<version>\`.`;

export const LIVE_DESCRIPTION = `Server-Sent Events (\`text/event-stream\`) carrying only hints: when the property's version moves, a message \`id: <version>\` / \`data: {"version":<version>}\` (event name: the default \`message\`; the data is \`LiveHint\`), after which the client pulls. The current version is sent at once on connect (a client resuming with \`Last-Event-ID\` learns at once that it missed something); a \`: heartbeat\` comment comes every ${HEARTBEAT_MS / 1000} s, and \`retry: 2000\` opens the stream. Treat 45 s of silence as a dead link, reconnect with backoff and always pull on reconnect.

The stream lives as long as its credentials: it ends on sign-out, session expiry or device revocation. Devices send their bearer token, so read it with \`fetch\` rather than \`EventSource\`.`;
