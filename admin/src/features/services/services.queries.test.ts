import { describe, expect, it } from 'vitest';
import { SERVICE_LIMIT, ServiceBody } from '../../../../shared/domain/service.ts';
import { bodyOf, BUILT_IN_KINDS, codeFromName, formProblem, moveCode, newForm, serviceName, askedFields } from './services.queries.ts';

const named = (en: string) => ({ ...newForm(), code: codeFromName(en), names: { en, 'zh-Hans': '出租车', 'zh-Hant': '計程車' } });

describe('codes from English names', () => {
  it('lower-cases and joins words with _', () => {
    expect(codeFromName('Taxi')).toBe('taxi');
    expect(codeFromName('Extra towels')).toBe('extra_towels');
    expect(codeFromName('  Wake-up call! ')).toBe('wake_up_call');
  });
  it('drops accents, leading digits and anything a code cannot hold', () => {
    expect(codeFromName('Café & Crème')).toBe('cafe_creme');
    expect(codeFromName('24h pharmacy')).toBe('h_pharmacy');
    expect(codeFromName('出租车')).toBe('');
  });
  it('keeps a code within 24 characters without a trailing _', () => {
    const code = codeFromName('Airport transfer for late arrivals');
    expect(code.length).toBeLessThanOrEqual(24);
    expect(code).toBe('airport_transfer_for_lat');
    expect(codeFromName('Airport transfer for xyz')).not.toMatch(/_$/);
  });
});

describe('the form', () => {
  it('sends a body the server schema accepts', () => {
    const parsed = ServiceBody.safeParse(bodyOf(named('Taxi')));
    expect(parsed.success).toBe(true);
  });
  it('asks for all three names', () => {
    expect(formProblem({ ...named('Taxi'), names: { en: 'Taxi', 'zh-Hans': '出租车', 'zh-Hant': ' ' } }, [], true)).toEqual({ key: 'names' });
  });
  it('refuses a code the server would refuse (e.g. a name with no Latin letters)', () => {
    expect(formProblem({ ...named('Taxi'), code: '' }, [], true)).toEqual({ key: 'code' });
    expect(formProblem({ ...named('Taxi'), code: 'Taxi' }, [], true)).toEqual({ key: 'code' });
  });
  it('will not create a service over an existing code, but edits it', () => {
    expect(formProblem(named('Taxi'), [{ code: 'taxi' }], true)).toEqual({ key: 'taken', code: 'taxi' });
    expect(formProblem(named('Taxi'), [{ code: 'taxi' }], false)).toBeNull();
  });
  it('stops at the catalog limit', () => {
    const full = Array.from({ length: SERVICE_LIMIT }, (_, i) => ({ code: `s${i}x` }));
    expect(formProblem(named('Taxi'), full, true)).toEqual({ key: 'limit', n: SERVICE_LIMIT });
  });
});

describe('the list', () => {
  it('moves a service one place and stays put at either end', () => {
    expect(moveCode(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveCode(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveCode(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveCode(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
  });
  it('shows the built-in kinds but not the catalog kind itself', () => {
    expect(BUILT_IN_KINDS).toEqual(['call_staff', 'luggage_in', 'luggage_out', 'shoe_care']);
  });
  it('names a service in the tablet language (Chinese is Simplified)', () => {
    const s = { names: { en: 'Taxi', 'zh-Hans': '出租车', 'zh-Hant': '計程車' } };
    expect(serviceName(s, 'en')).toBe('Taxi');
    expect(serviceName(s, 'zh')).toBe('出租车');
  });
  it('lists the fields a guest fills in, in order, without the off ones', () => {
    expect(askedFields({ room: 'required', neededAt: 'off', count: 'optional', note: 'off' })).toEqual([
      { field: 'room', rule: 'required' },
      { field: 'count', rule: 'optional' },
    ]);
  });
});
