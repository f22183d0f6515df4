import { describe, expect, it } from 'vitest';
import { legalActions, nextStatus, REQUEST_STATUSES, requestMachine } from './request.machine.ts';

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
