/** Bumped when a change to the wire format would break an older client. */
export const PROTOCOL_VERSION = 1;
/** Header every client sends so the server can answer an outdated app clearly. */
export const PROTOCOL_HEADER = 'x-lobbydesk-protocol';
