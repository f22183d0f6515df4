import { describe, expect, it } from 'vitest';
import { KIND_QUEUE_LIMITS, kindAllows, legalActions, nextStatus, REQUEST_ACTIONS, REQUEST_KINDS, REQUEST_STATUSES, requestMachine } from './request.machine.ts';

describe('request machine: transfer', () => {
  it('sends a waiting, called, serving or held request back to waiting', () => {
    for (const from of ['waiting', 'called', 'serving', 'on_hold'] as const) {
      expect(nextStatus(from, 'transfer')).toBe('waiting');
      expect(legalActions(from)).toContain('transfer');
    }
  });

  it('is not legal from a no-show or a finished request', () => {
    for (const from of ['no_show', 'completed', 'cancelled'] as const) {
      expect(nextStatus(from, 'transfer')).toBeNull();
      expect(legalActions(from)).not.toContain('transfer');
    }
  });

  it('leaves no action on a finished request and every rule within the known statuses', () => {
    expect(legalActions('completed')).toEqual([]);
    expect(legalActions('cancelled')).toEqual([]);
    for (const rule of Object.values(requestMachine)) {
      for (const s of [...rule.from, rule.to]) expect(REQUEST_STATUSES).toContain(s);
    }
  });
});

describe('request machine: per-kind limits', () => {
  const shoeNew = { kind: 'shoe_care', started: false } as const;
  const shoeStarted = { kind: 'shoe_care', started: true } as const;

  it('never completes a shoe-care job from the queue: its returned stage does', () => {
    for (const from of REQUEST_STATUSES) {
      expect(nextStatus(from, 'complete', shoeNew)).toBeNull();
      expect(nextStatus(from, 'complete', shoeStarted)).toBeNull();
      expect(legalActions(from, shoeStarted)).not.toContain('complete');
    }
  });

  it('cancels a shoe-care job only before its first stage', () => {
    expect(nextStatus('waiting', 'cancel', shoeNew)).toBe('cancelled');
    for (const from of ['waiting', 'called', 'on_hold', 'no_show'] as const) expect(nextStatus(from, 'cancel', shoeStarted)).toBeNull();
    expect(legalActions('called', shoeStarted)).toEqual(['call', 'serve', 'hold', 'no_show', 'transfer']);
  });

  it('never completes a luggage request from the queue: the ledger check-in or hand-back does', () => {
    for (const kind of ['luggage_in', 'luggage_out'] as const) {
      expect(KIND_QUEUE_LIMITS[kind]).toEqual({ never: ['complete'], onceStarted: [] });
      for (const from of REQUEST_STATUSES) {
        expect(nextStatus(from, 'complete', { kind, started: false })).toBeNull();
        expect(legalActions(from, { kind, started: false })).toEqual(legalActions(from).filter((a) => a !== 'complete'));
      }
      expect(nextStatus('waiting', 'cancel', { kind, started: false })).toBe('cancelled'); // a guest who changed their mind
    }
  });

  it('leaves a call-staff request exactly the status rules', () => {
    expect(KIND_QUEUE_LIMITS.call_staff).toEqual({ never: [], onceStarted: [] });
    for (const from of REQUEST_STATUSES) {
      expect(legalActions(from, { kind: 'call_staff', started: false })).toEqual(legalActions(from));
      expect(legalActions(from, { kind: 'call_staff', started: true })).toEqual(legalActions(from));
    }
  });

  it('limits only what the status rules would allow', () => {
    for (const kind of REQUEST_KINDS) {
      for (const from of REQUEST_STATUSES) {
        for (const started of [false, true]) {
          const job = { kind, started };
          for (const a of legalActions(from, job)) expect(legalActions(from)).toContain(a);
          for (const a of REQUEST_ACTIONS) expect(nextStatus(from, a, job) !== null).toBe(legalActions(from).includes(a) && kindAllows(job, a));
        }
      }
    }
  });
});
