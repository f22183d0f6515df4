/**
 * The on-screen keyboard itself (loaded on the first tap on a guest field; see keyboard-host.ts).
 * One simple-keyboard instance docked at the bottom of the screen; it types into whichever guest
 * field it was opened for. Before each tap it takes the field's current text and caret, after it
 * hands the new text back through `typeInto` (an `input` event, as typing), so the field — a
 * Preact-controlled input — stays the one source of truth, whatever else changed it (a scanner
 * burst undone by hid-wedge, a screen that normalises what is typed).
 */
import { effect } from '@preact/signals';
import Keyboard from 'simple-keyboard/build/index.modern.esm.js';
import 'simple-keyboard/build/css/index.css';
import { locale, t } from '../../i18n/locale.store.ts';
import { submitFrom, typeInto } from './field-input.ts';
import type { GuestField, Pad } from './guest-field.ts';
import './keyboard.css';
import { layoutsFor, type LayoutName } from './layouts.ts';
import { loadCandidates, type Candidates } from './pinyin.ts';

export interface Osk {
  show(field: GuestField, pad: Pad): void;
  hide(): void;
  readonly field: GuestField | null;
}

const isChinese = (l: string): l is 'zh-Hans' | 'zh-Hant' => l === 'zh-Hans' || l === 'zh-Hant';

export function createOsk(onDone: () => void): Osk {
  const host = document.createElement('div');
  host.className = 'osk';
  host.dataset.testid = 'osk';
  host.hidden = true;
  host.setAttribute('aria-hidden', 'true'); // like the code keypads: the field is what assistive tech reads
  const board = document.createElement('div');
  board.className = 'osk__board';
  host.append(board);
  document.body.append(host);
  // The frame above ends where the keyboard starts (keyboard.css), whatever its height in this layout.
  new ResizeObserver(() => {
    if (!host.hidden) document.documentElement.style.setProperty('--osk-h', `${host.offsetHeight}px`);
  }).observe(host);

  let field: GuestField | null = null;
  let layout: LayoutName = 'letters';
  let pinyin = false;
  let candidates: Candidates | null = null;

  // Keep focus (and the caret) in the field: a tap on a key is not a tap away from it.
  const keep = (e: Event) => e.preventDefault();
  host.addEventListener('mousedown', keep);
  host.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    if (!field) return;
    if (document.activeElement !== field) field.focus({ preventScroll: true });
    const end = field.value.length;
    kb.setInput(field.value);
    kb.setCaretPosition(field.selectionStart ?? end, field.selectionEnd ?? end);
  }, { capture: true });

  const kb = new Keyboard(board, {
    theme: 'hg-theme-default osk__keys',
    layout: layoutsFor(false),
    layoutName: layout,
    preventMouseDownDefault: true,
    disableButtonHold: false,
    enableLayoutCandidates: true,
    layoutCandidatesPageSize: 8,
    onChange: (value: string) => {
      if (!field) return;
      if (!typeInto(field, value, kb.getCaretPosition() ?? value.length)) kb.setInput(field.value);
    },
    onKeyPress: (button: string) => press(button),
  });

  function press(button: string) {
    switch (button) {
      case '{shift}':
        return relayout(layout === 'shift' ? 'letters' : 'shift');
      case '{symbols}':
        return relayout('symbols');
      case '{letters}':
        return relayout('letters');
      case '{lang}':
        pinyin = !pinyin;
        return relayout('letters');
      case '{done}':
        return queueMicrotask(onDone);
      case '{enter}':
        if (field instanceof HTMLInputElement) {
          const f = field;
          queueMicrotask(() => submitFrom(f));
        }
        return;
      default:
        // Shift is for one capital, as on a phone.
        if (layout === 'shift' && [...button].length === 1) relayout('letters');
    }
  }

  /** Layout changes wait for the tap that asked for them to finish. */
  function relayout(next: LayoutName) {
    layout = next;
    queueMicrotask(render);
  }

  function render() {
    const l = locale.peek();
    const chinese = isChinese(l);
    const lettersLabel = chinese && pinyin ? t('kbd.pinyin') : t('kbd.letters');
    kb.setOptions({
      layout: layoutsFor(chinese),
      layoutName: layout,
      newLineOnEnter: field instanceof HTMLTextAreaElement,
      layoutCandidates: chinese && pinyin && candidates ? candidates : null,
      display: {
        '{bksp}': '⌫',
        '{enter}': field instanceof HTMLTextAreaElement ? t('kbd.newline') : t('kbd.enter'),
        '{shift}': '⇧',
        '{space}': t('kbd.space'),
        '{done}': t('kbd.done'),
        '{symbols}': t('kbd.symbols'),
        '{letters}': lettersLabel,
        '{lang}': pinyin ? t('kbd.letters') : t('kbd.pinyin'),
      },
      buttonTheme: [
        { class: 'osk__fn', buttons: '{bksp} {enter} {shift} {symbols} {letters} {lang}' },
        { class: 'osk__done', buttons: '{done}' },
        { class: 'osk__space', buttons: '{space}' },
        { class: 'osk__on', buttons: layout === 'shift' ? '{shift}' : '{//}' },
      ],
    });
    host.dataset.layout = layout;
    host.dataset.pinyin = String(chinese && pinyin);
    host.lang = l;
  }

  /** Chinese pinyin needs its table: loaded once per script, then the keyboard shows candidates. */
  function withCandidates() {
    const l = locale.peek();
    candidates = null;
    if (!isChinese(l)) return;
    void loadCandidates(l).then((c) => {
      if (locale.peek() !== l) return;
      candidates = c;
      host.dataset.candidates = l;
      if (field) render();
    });
  }

  // A new language while the keyboard is open: its layout and labels at once.
  effect(() => {
    const l = locale.value;
    pinyin = isChinese(l);
    delete host.dataset.candidates;
    withCandidates();
    if (field) render();
  });

  return {
    get field() {
      return field;
    },
    show(next, pad) {
      const changed = field !== next;
      field = next;
      if (changed) {
        pinyin = isChinese(locale.peek());
        layout = pad === 'numeric' ? 'numeric' : 'letters';
        kb.clearInput();
        kb.candidateBox?.destroy();
      }
      render();
      host.hidden = false;
      document.body.classList.add('osk-open');
      document.documentElement.style.setProperty('--osk-h', `${host.offsetHeight}px`);
      // Once the screen has shrunk above the keyboard, bring the field into the middle of what is left.
      requestAnimationFrame(() => next.scrollIntoView({ block: 'center', inline: 'nearest' }));
    },
    hide() {
      field = null;
      kb.clearInput(); // nothing typed stays in the keyboard for the next guest
      kb.candidateBox?.destroy();
      host.hidden = true;
      document.body.classList.remove('osk-open');
      document.documentElement.style.removeProperty('--osk-h');
    },
  };
}
