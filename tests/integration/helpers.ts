/**
 * Shared helpers for the integration suites: raw HTTP (so a caller can use
 * its own loopback source address and read a stream's status only), kiosk
 * and staff push helpers, and an SSE reader built on eventsource-parser.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { v7 as uuidv7 } from 'uuid';
import type { RequestAction, RequestStatus } from '../../shared/domain/request.machine.ts';
import type { Command, CommandOf } from '../../shared/protocol/commands.ts';
import { sendBytes, type BytesResponse } from '../support/gauntlet.ts';
import { TestClient } from '../support/server.ts';

export const PROTOCOL = { 'x-lobbydesk-protocol': '1' } as const;

export type RawResponse = BytesResponse;

/**
 * One HTTP request over node:http. `localAddress` picks the loopback source
 * address (127.0.0.x), so per-address rate limits of one caller do not spill
 * onto another. `statusOnly` returns as soon as the head arrives and drops
 * the connection (to simulate a response lost on the way back); `'stream'`
 * does so only for an event stream (reading an error body in full).
 */
export function rawRequest(
  url: string,
  opts: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; localAddress?: string; statusOnly?: boolean | 'stream'; timeoutMs?: number } = {},
): Promise<RawResponse> {
  return sendBytes(url, { ...opts, method: opts.method ?? 'GET', timeoutMs: opts.timeoutMs ?? 10_000 });
}

/** Raw GET/POST with the protocol header and JSON body, as any app would send. */
export function apiCall(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  o: { body?: unknown; token?: string; cookie?: string; localAddress?: string; statusOnly?: boolean | 'stream'; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...PROTOCOL, ...o.headers };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.cookie) headers.cookie = o.cookie;
  let body: string | undefined;
  if (o.body !== undefined) {
    body = JSON.stringify(o.body);
    headers['content-type'] = 'application/json';
  }
  return rawRequest(base + path, { method, headers, body, localAddress: o.localAddress, statusOnly: o.statusOnly });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value or the time is up. */
export async function eventually<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 5_000, stepMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`eventually: gave up after ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await sleep(stepMs);
  }
}

// ---------------------------------------------------------------------------------------------
// Devices and commands

export interface KioskMe {
  deviceId: string;
  letter: string;
  serviceDay: string;
  lastSeq: number;
  lastTicketToday: number;
}

/** A kiosk as the tests drive it: knows its next seq and next ticket counter. */
export class KioskDriver {
  readonly client: TestClient;
  me!: KioskMe;
  nextSeq = 1;
  nextTicket = 1;
  /** Ids of the requests this kiosk created (applied). */
  readonly created = new Set<string>();

  constructor(
    readonly base: string,
    readonly token: string,
  ) {
    this.client = new TestClient(base, token);
  }

  async init(): Promise<this> {
    const r = await this.client.get('/api/devices/me');
    if (r.status !== 200) throw new Error(`devices/me: ${r.status} ${JSON.stringify(r.body)}`);
    this.me = r.body as KioskMe;
    this.nextSeq = this.me.lastSeq + 1;
    this.nextTicket = this.me.lastTicketToday + 1;
    return this;
  }

  ticket(n = this.nextTicket++): string {
    return `${this.me.letter}${String(n).padStart(3, '0')}`;
  }

  /** A `request.create` command with the next seq (unless given) and a fresh ticket (unless given). */
  create(o: { ticket?: string; seq?: number; guestName?: string | null; room?: string | null; note?: string | null } = {}): CommandOf<'request.create'> {
    return {
      id: uuidv7(),
      deviceId: this.me.deviceId,
      seq: o.seq ?? this.nextSeq++,
      type: 'request.create',
      createdAt: new Date().toISOString(),
      payload: {
        requestId: uuidv7(),
        kind: 'call_staff',
        details: null,
        ticket: o.ticket ?? this.ticket(),
        serviceDay: this.me.serviceDay,
        reason: 'question',
        guestName: o.guestName === undefined ? 'Li Wei' : o.guestName,
        room: o.room === undefined ? '1208' : o.room,
        note: o.note === undefined ? 'Needs a taxi' : o.note,
      },
    };
  }

  /** A `feedback.submit` command with the next seq: a 5-star rating and nothing else unless `payload` says otherwise. */
  feedback(payload: Partial<CommandOf<'feedback.submit'>['payload']> = {}): CommandOf<'feedback.submit'> {
    return {
      id: uuidv7(),
      deviceId: this.me.deviceId,
      seq: this.nextSeq++,
      type: 'feedback.submit',
      createdAt: new Date().toISOString(),
      payload: { feedbackId: uuidv7(), rating: 5, categories: [], comment: null, complaint: false, contactConsent: false, contact: null, guestName: null, room: null, requestId: null, ...payload },
    };
  }

  push(commands: Command[], deviceId = this.me.deviceId) {
    return this.client.post('/api/sync/push', { deviceId, commands, sentAt: new Date().toISOString() });
  }
}

/** A staff member on a tablet: logged-in client, its own tablet device id and seq. */
export class StaffDriver {
  readonly client: TestClient;
  readonly deviceId = uuidv7();
  nextSeq = 1;
  /** Pass a logged-in client to put a second tablet in the same staff member's hands. */
  constructor(
    readonly base: string,
    client?: TestClient,
  ) {
    this.client = client ?? new TestClient(base);
  }

  async login(staffId: string, pin: string): Promise<this> {
    await this.client.login(staffId, pin);
    return this;
  }

  transition(requestId: string, action: RequestAction, expectedStatus: RequestStatus, seq = this.nextSeq++): Command {
    return {
      id: uuidv7(),
      deviceId: this.deviceId,
      seq,
      type: 'request.transition',
      createdAt: new Date().toISOString(),
      payload: { requestId, action, expectedStatus, desk: 'Desk 1' },
    };
  }

  create(ticket: string, serviceDay: string, seq = this.nextSeq++): CommandOf<'request.create'> {
    return {
      id: uuidv7(),
      deviceId: this.deviceId,
      seq,
      type: 'request.create',
      createdAt: new Date().toISOString(),
      payload: {
        requestId: uuidv7(),
        kind: 'luggage_in',
        ticket,
        serviceDay,
        reason: null,
        guestName: null,
        room: null,
        note: null,
        details: { kind: 'luggage_in', bags: 1, expectedPickupAt: null, claimCode: 'ABCDEFGH' },
      },
    };
  }

  push(commands: Command[], deviceId = this.deviceId) {
    return this.client.post('/api/sync/push', { deviceId, commands, sentAt: new Date().toISOString() });
  }
}

/** Pairs a new device through the real flow (a supervisor makes a code, the device redeems it). */
export async function pairDevice(base: string, supervisor: TestClient, kind: 'kiosk' | 'wall', name: string): Promise<{ token: string; deviceId: string; code: string }> {
  const code = await supervisor.post('/api/devices/pairing-codes', { kind, name });
  if (code.status !== 200) throw new Error(`pairing-codes: ${code.status} ${JSON.stringify(code.body)}`);
  const paired = await new TestClient(base).post('/api/devices/pair', { code: code.body.code });
  if (paired.status !== 200) throw new Error(`pair: ${paired.status} ${JSON.stringify(paired.body)}`);
  return { token: paired.body.token, deviceId: paired.body.me.deviceId, code: code.body.code };
}

// ---------------------------------------------------------------------------------------------
// Server-Sent Events

export interface SseStream {
  status: number;
  messages: EventSourceMessage[];
  comments: string[];
  /** Resolves with the first message (seen so far or later) that matches, or rejects after `timeoutMs`. */
  waitFor(pred: (m: EventSourceMessage) => boolean, timeoutMs?: number): Promise<EventSourceMessage>;
  close(): void;
}

/** Opens an SSE stream with fetch and parses it with eventsource-parser. */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const ac = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: ac.signal });
  const messages: EventSourceMessage[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const parser = createParser({
    onEvent: (m) => {
      messages.push(m);
      for (const w of waiters) w();
    },
    onComment: (c) => comments.push(c),
  });
  if (res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.feed(decoder.decode(value, { stream: true }));
        }
      } catch {
        /* aborted */
      }
    })();
  }
  return {
    status: res.status,
    messages,
    comments,
    waitFor(pred, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = messages.find(pred);
          if (!hit) return false;
          cleanup();
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`SSE: no matching message within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        const w = () => void check();
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(w);
        };
        waiters.add(w);
        check();
      });
    },
    close: () => ac.abort(),
  };
}

/** Every object key anywhere in a JSON value. */
export function allKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) allKeys(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      allKeys(v, into);
    }
  }
  return into;
}
