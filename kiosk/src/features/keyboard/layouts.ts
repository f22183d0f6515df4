/**
 * The on-screen keyboard's layouts (simple-keyboard rows; `{name}` is a function key). Letters
 * (QWERTY, also the pinyin keys), Shift, 123/symbols and the number pad for rooms and phone
 * numbers. `{lang}` — pinyin ⇄ ABC — is left out when the guest reads English.
 */
export type LayoutName = 'letters' | 'shift' | 'symbols' | 'numeric';

const ROWS: Record<LayoutName, string[]> = {
  letters: ['q w e r t y u i o p {bksp}', 'a s d f g h j k l {enter}', '{shift} z x c v b n m , . ?', '{symbols} {lang} {space} {done}'],
  shift: ['Q W E R T Y U I O P {bksp}', 'A S D F G H J K L {enter}', '{shift} Z X C V B N M , . ?', '{symbols} {lang} {space} {done}'],
  symbols: ['1 2 3 4 5 6 7 8 9 0 {bksp}', '@ # & * - + = ( ) {enter}', "/ _ ' \" : ; ! ? < >", '{letters} {lang} {space} {done}'],
  numeric: ['1 2 3 -', '4 5 6 +', '7 8 9 {bksp}', '{letters} 0 {enter} {done}'],
};

export function layoutsFor(withLang: boolean): Record<LayoutName, string[]> {
  const out = {} as Record<LayoutName, string[]>;
  for (const [name, rows] of Object.entries(ROWS) as [LayoutName, string[]][]) out[name] = withLang ? rows : rows.map((r) => r.replace(' {lang}', ''));
  return out;
}

/** Every character some layout can type, with the layout that has it (the test helper taps by this). */
export function keyFor(char: string): { layout: LayoutName; key: string } | null {
  if (char === ' ') return { layout: 'letters', key: '{space}' };
  for (const layout of ['letters', 'shift', 'symbols'] as const) {
    if (ROWS[layout].some((r) => r.split(' ').includes(char))) return { layout, key: char };
  }
  return null;
}
