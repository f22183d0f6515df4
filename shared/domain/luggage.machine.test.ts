import { describe, expect, it } from 'vitest';
import { isOverdue, makeClaimCode, normalizeClaimCode } from './luggage.ts';
import { legalLuggageActions, LUGGAGE_STATUSES, nextLuggageStatus, nextShoeStage, SHOE_STAGES } from './luggage.machine.ts';
import { ClaimCode } from './request.ts';

describe('luggage machine', () => {
  it('never leaves released, and parks a lost-ticket hand-back for approval', () => {
    expect(legalLuggageActions('released')).toEqual([]);
    expect(nextLuggageStatus('stored', 'release_lost')).toBe('lost_claim_pending');
    expect(nextLuggageStatus('lost_claim_pending', 'release')).toBeNull();
    expect(nextLuggageStatus('lost_claim_pending', 'approve_release')).toBe('released');
    expect(nextLuggageStatus('lost_claim_pending', 'decline_release')).toBe('stored');
    for (const s of LUGGAGE_STATUSES) for (const a of legalLuggageActions(s)) expect(nextLuggageStatus(s, a)).not.toBeNull();
  });

  it('moves a shoe job one stage at a time, in order', () => {
    const seen = [];
    for (let s = nextShoeStage(null); s; s = nextShoeStage(s)) seen.push(s);
    expect(seen).toEqual([...SHOE_STAGES]);
  });

  it('derives overdue only for items still in store', () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    expect(isOverdue({ status: 'stored', expectedPickupAt: past }, Date.now())).toBe(true);
    expect(isOverdue({ status: 'released', expectedPickupAt: past }, Date.now())).toBe(false);
    expect(isOverdue({ status: 'stored', expectedPickupAt: null }, Date.now())).toBe(false);
  });

  it('makes valid claim codes and reads them as typed or scanned', () => {
    for (let i = 0; i < 50; i++) expect(ClaimCode.safeParse(makeClaimCode()).success).toBe(true);
    expect(normalizeClaimCode(' k7pq-2mxr ')).toBe('K7PQ2MXR');
  });
});
