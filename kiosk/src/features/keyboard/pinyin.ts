/**
 * Pinyin candidates for the on-screen keyboard, loaded only when a guest types in Chinese.
 * 简体: the pinyin → character table of `simple-keyboard-layouts` (its Chinese layout).
 * 繁體: the same table with each character replaced by its Traditional forms from OpenCC's
 * character dictionary (`opencc-js`: STCharacters, then the Taiwan variants), so a guest who chose
 * 繁體中文 is offered 書, not 书. The dictionaries load only when 繁體 is in use.
 */
export type Candidates = Record<string, string>;
export type Script = 'zh-Hans' | 'zh-Hant';

/** "简 繁1 繁2|…" (OpenCC's dictionary text) → 简 → [繁1, 繁2]. */
export function parseDict(text: string): Map<string, string[]> {
  const dict = new Map<string, string[]>();
  for (const entry of text.split('|')) {
    const [from, ...to] = entry.split(' ');
    if (from && to.length) dict.set(from, to);
  }
  return dict;
}

/** Every candidate in its Traditional forms (most common first), with regional variants applied; repeats dropped. */
export function toTraditional(simplified: Candidates, chars: Map<string, string[]>, variants: Map<string, string[]> = new Map()): Candidates {
  const out: Candidates = {};
  for (const [pinyin, list] of Object.entries(simplified)) {
    const seen = new Set<string>();
    for (const c of list.split(' ')) {
      if (!c) continue;
      for (const trad of chars.get(c) ?? [c]) seen.add(variants.get(trad)?.[0] ?? trad);
    }
    out[pinyin] = [...seen].join(' ');
  }
  return out;
}

let simplified: Promise<Candidates> | null = null;
let traditional: Promise<Candidates> | null = null;

export function loadCandidates(script: Script): Promise<Candidates> {
  simplified ??= import('simple-keyboard-layouts/build/layouts/chinese.js').then((m) => (m.default as unknown as { layoutCandidates: Candidates }).layoutCandidates);
  if (script === 'zh-Hans') return simplified;
  traditional ??= Promise.all([simplified, import('opencc-js/dict/STCharacters'), import('opencc-js/dict/TWVariants')]).then(([table, st, tw]) =>
    toTraditional(table, parseDict(st.default), parseDict(tw.default)),
  );
  return traditional;
}
