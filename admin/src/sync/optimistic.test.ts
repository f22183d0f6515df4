import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../../../shared/domain/request.ts';
import { applyOverlays, pendingRequestIds, pruneOverlays, type Overlay } from './optimistic.ts';

const base = { id: 'r1', ticket: 'A001', status: 'waiting', rev: 3 } as ServiceRequest;
const server = new Map([[base.id, base]]);
const overlay = (p: Partial<Overlay>): Overlay => ({ commandId: 'c1', requestId: 'r1', action: 'call', to: 'called', baseRev: 3, settled: false, ...p });

describe('optimistic overlays', () => {
  it('shows a queued action at once, the latest one winning', () => {
    const view = applyOverlays(server, [overlay({}), overlay({ commandId: 'c2', action: 'serve', to: 'serving' })]);
    expect(view.get('r1')?.status).toBe('serving');
    expect(server.get('r1')?.status).toBe('waiting');
  });

  it('keeps an overlay until the server accepted it and its copy moved past the base revision', () => {
    expect(pruneOverlays([overlay({ settled: true })], server)).toHaveLength(1); // accepted, not pulled yet
    const moved = new Map([[base.id, { ...base, status: 'called', rev: 4 } as ServiceRequest]]);
    expect(pruneOverlays([overlay({ settled: false })], moved)).toHaveLength(1); // someone else's change; ours still queued
    expect(pruneOverlays([overlay({ settled: true })], moved)).toHaveLength(0);
  });

  it('shows a queued transfer in its new queue at once, note included', () => {
    const view = applyOverlays(server, [overlay({ action: 'transfer', to: 'waiting', moved: { desk: null, department: 'housekeeping', transferNote: 'towels' } })]);
    expect(view.get('r1')).toMatchObject({ status: 'waiting', department: 'housekeeping', transferNote: 'towels', desk: null });
  });

  it('lists requests with an action still on its way', () => {
    expect([...pendingRequestIds([overlay({}), overlay({ commandId: 'c9', requestId: 'r2', settled: true })])]).toEqual(['r1']);
  });
});
