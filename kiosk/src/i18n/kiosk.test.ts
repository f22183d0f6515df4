import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/protocol/errors.ts';
import { errorKey, kioskCatalog } from './kiosk.ts';
import { interpolate, LOCALES, splitTemplate } from '../../../shared/i18n/locale.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('kiosk catalog', () => {
  it('gives every key a non-empty text in every locale', () => {
    for (const l of LOCALES) for (const [k, v] of Object.entries(kioskCatalog[l])) expect(v.trim(), `${l} ${k}`).not.toBe('');
  });

  it('uses the same placeholders in every locale', () => {
    for (const [k, v] of Object.entries(kioskCatalog.en)) {
      for (const l of LOCALES) expect(placeholders(kioskCatalog[l][k as keyof typeof kioskCatalog.en]), `${l} ${k}`).toEqual(placeholders(v));
    }
  });

  it('has a text for every API error code', () => {
    for (const code of ErrorCode.options) for (const l of LOCALES) expect(kioskCatalog[l][errorKey(code)]).toBeTruthy();
  });
});

describe('templates', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Your number {ticket} — {desk}', { ticket: 'A007' })).toBe('Your number A007 — {desk}');
  });
  it('splits a template around its placeholders', () => {
    expect(splitTemplate('{n} requests waiting')).toEqual([{ var: 'n' }, ' requests waiting']);
    expect(splitTemplate('共 {n} 个')).toEqual(['共 ', { var: 'n' }, ' 个']);
  });
});
