import { describe, expect, it } from 'vitest';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariants from 'opencc-js/dict/TWVariants';
import { parseDict, toTraditional } from './pinyin.ts';
import { keyFor, layoutsFor } from './layouts.ts';

describe('pinyin candidates in Traditional characters', () => {
  const chars = parseDict(STCharacters);
  const variants = parseDict(TWVariants);

  it('offers 書 for shu where 简体 offers 书, keeping the order of the table', () => {
    const out = toTraditional({ shu: '书 术 数' }, chars, variants);
    expect(out.shu!.split(' ')).toEqual(['書', '術', '數']);
    expect(out.shu).not.toMatch(/[书术数]/);
  });

  it('offers each character once, in its first (most common) Traditional form', () => {
    const out = toTraditional({ fa: '发 发 法' }, chars, variants);
    expect(out.fa!.split(' ')).toEqual(['發', '法']);
    expect(parseDict('a b c|d e').get('a')).toEqual(['b', 'c']);
  });

  it('uses the Taiwan form where OpenCC has one (为 → 為, 着 → 著)', () => {
    expect(toTraditional({ wei: '为', zhe: '着' }, chars, variants)).toEqual({ wei: '為', zhe: '著' });
  });

  it('leaves characters that are the same in both scripts alone', () => {
    expect(toTraditional({ ren: '人 仁' }, chars)).toEqual({ ren: '人 仁' });
  });
});

describe('keyboard layouts', () => {
  it('can type every printable ASCII character a guest needs for names, rooms and contacts', () => {
    for (const c of 'abcXYZ019 @.-+,\'?!()/_&#<>=') expect(keyFor(c), c).not.toBeNull();
    expect(keyFor('é')).toBeNull();
  });

  it('drops the pinyin key for English and keeps Done on every layout', () => {
    const en = layoutsFor(false);
    const zh = layoutsFor(true);
    expect(en.letters.join(' ')).not.toContain('{lang}');
    expect(zh.letters.join(' ')).toContain('{lang}');
    for (const rows of Object.values(zh)) expect(rows.join(' ')).toContain('{done}');
  });
});
