import { describe, expect, it } from 'vitest';
import { clipText, FreeText, hasLoneSurrogate, shownText } from './text.ts';

describe('free text', () => {
  it('refuses NUL, other control characters, lone surrogates and noncharacters, keeping newlines only where multi-line', () => {
    const name = FreeText(80);
    const note = FreeText(500, { multiline: true });
    for (const bad of ['a\u0000b', 'a\u0007', '\u0085x', 'x\ud800', '\udc00x', 'x\uffff']) {
      expect(name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      expect(note.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(name.safeParse('a\nb').success).toBe(false);
    expect(note.parse(' a\n\tb ')).toBe('a\n\tb');
  });

  it('keeps emoji and 4-byte characters, and removes bidi controls', () => {
    expect(FreeText(80).parse('𠮷 🧳 👩🏽‍🦰')).toBe('𠮷 🧳 👩🏽‍🦰');
    expect(FreeText(80).parse('Li\u202egnp.exe\u202c')).toBe('Lignp.exe');
    expect(shownText('\u2066A\u2069\u202b')).toBe('A');
  });

  it('measures the limit after cleaning, and the minimum too', () => {
    expect(FreeText(3).safeParse('\u202eabc').success).toBe(true);
    expect(FreeText(3).safeParse('abcd').success).toBe(false);
    expect(FreeText(10, { min: 3 }).safeParse(' \u202ea ').success).toBe(false);
  });

  it('clips without cutting a character in two', () => {
    expect(clipText('ab🧳', 3)).toBe('ab');
    expect(hasLoneSurrogate(clipText('ab🧳', 3))).toBe(false);
    expect(clipText('ab🧳', 4)).toBe('ab🧳');
    expect(clipText('abc', 2)).toBe('ab');
  });
});
