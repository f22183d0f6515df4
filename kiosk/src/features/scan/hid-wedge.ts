/**
 * USB/Bluetooth barcode scanners in keyboard ("wedge") mode type the code as
 * keystrokes, a few milliseconds apart, then Enter or Tab. This tells those
 * bursts from a guest typing.
 *
 * `WedgeDetector` is the pure rule (keys + timestamps in, scans out), tested
 * with a fake clock. `listenForWedgeScans` binds it to `keydown` on window.
 *
 * Text fields — the choice made here: a burst always reaches the focused field
 * first (a keydown cannot know yet that it starts a scan). Slow keystrokes are
 * never a scan, so a guest's typing is never touched. When a scanner-speed
 * burst completes while a text field has focus, the scan is taken: the field
 * gets back the value (and caret) it had just before the burst, an `input`
 * event tells Preact, and the terminating Enter/Tab is swallowed so it submits
 * nothing. A scanned code is never a guest's name or room number, and the
 * kiosk wants the scan wherever focus happens to be. `takeFromTextFields:
 * false` leaves bursts in text fields alone instead.
 */

export interface WedgeOptions {
  /** Longest average gap between the keystrokes of one scan, terminator included (ms). Default 35. */
  maxGapMs?: number;
  /**
   * Longest single gap inside a scan (ms). Default 150: Bluetooth scanners and
   * a busy kiosk deliver the odd key late; the average still tells a scanner
   * from a person.
   */
  maxJitterMs?: number;
  /** Shortest code accepted. Default 8. */
  minLength?: number;
}

export type WedgeStep =
  | { kind: 'ignored' }
  | { kind: 'char'; startsBurst: boolean }
  | { kind: 'scan'; text: string }
  | { kind: 'reset' };

const TERMINATORS = new Set(['Enter', 'Tab']);
/** Keys a scanner presses between characters (Shift for capitals) that neither add to nor break a burst. */
const TRANSPARENT = new Set(['Shift', 'CapsLock']);

export class WedgeDetector {
  readonly maxGapMs: number;
  readonly maxJitterMs: number;
  readonly minLength: number;
  #chars: string[] = [];
  #first = -Infinity;
  #last = -Infinity;

  constructor(options: WedgeOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 35;
    this.maxJitterMs = Math.max(this.maxGapMs, options.maxJitterMs ?? 150);
    this.minLength = options.minLength ?? 8;
  }

  /** Characters collected in the current burst. */
  get pending(): number {
    return this.#chars.length;
  }

  /** Feeds one keydown: `key` as `KeyboardEvent.key`, `at` in ms on any monotonic clock. */
  push(key: string, at: number): WedgeStep {
    if (TRANSPARENT.has(key)) return { kind: 'ignored' };
    const close = at - this.#last <= this.maxJitterMs;
    if (TERMINATORS.has(key)) {
      const text = this.#chars.join('');
      const wasPending = this.#chars.length > 0;
      const averageGap = (at - this.#first) / Math.max(1, this.#chars.length);
      this.reset();
      if (close && text.length >= this.minLength && averageGap <= this.maxGapMs) return { kind: 'scan', text };
      return wasPending ? { kind: 'reset' } : { kind: 'ignored' };
    }
    if ([...key].length !== 1) {
      // Backspace, arrows, Escape…: a person is editing, not a scanner.
      const wasPending = this.#chars.length > 0;
      this.reset();
      return wasPending ? { kind: 'reset' } : { kind: 'ignored' };
    }
    // A gap too long for any scanner starts over; so does a burst that is already slower than a scanner on average.
    const slow = this.#chars.length > 0 && (at - this.#first) / this.#chars.length > this.maxGapMs * 2;
    const startsBurst = this.#chars.length === 0 || !close || slow;
    if (startsBurst) {
      this.#chars = [];
      this.#first = at;
    }
    this.#chars.push(key);
    this.#last = at;
    return { kind: 'char', startsBurst };
  }

  reset(): void {
    this.#chars = [];
    this.#first = -Infinity;
    this.#last = -Infinity;
  }
}

export interface WedgeListenOptions extends WedgeOptions {
  /** Take scans typed into a focused text field (restoring the field). Default true. */
  takeFromTextFields?: boolean;
  /** Where to listen. Default `window`. */
  target?: EventTarget;
  /** Clock for tests; default each event's `timeStamp`, which is when the key arrived even if the main thread was busy. */
  now?: () => number;
  /** Focused element; default `document.activeElement`. */
  activeElement?: () => Element | null;
}

/** The slice of an `<input>`/`<textarea>` this module touches. */
interface TextField {
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
  setSelectionRange?(start: number, end: number): void;
  dispatchEvent(event: Event): boolean;
}

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

function textFieldOf(el: Element | null): TextField | null {
  if (!el) return null;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return el as unknown as TextField;
  if (tag === 'INPUT' && !NON_TEXT_INPUTS.has(((el as HTMLInputElement).type || 'text').toLowerCase())) return el as unknown as TextField;
  return null;
}

/** Calls `onScan` for each scanner burst; returns a function that stops listening. */
export function listenForWedgeScans(onScan: (text: string) => void, options: WedgeListenOptions = {}): () => void {
  const detector = new WedgeDetector(options);
  const target = options.target ?? window;
  const takeFromFields = options.takeFromTextFields ?? true;
  const focused = options.activeElement ?? (() => document.activeElement);
  let before: { field: TextField; value: string; start: number | null; end: number | null } | null = null;

  const onKeyDown = (event: Event) => {
    const e = event as KeyboardEvent;
    if (e.repeat || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) {
      // A held key auto-repeats at scanner speed; an IME or a shortcut is a person.
      detector.reset();
      return;
    }
    const field = textFieldOf(focused());
    const step = detector.push(e.key, options.now ? options.now() : e.timeStamp);
    if (step.kind === 'char' && step.startsBurst) {
      before = field ? { field, value: field.value, start: field.selectionStart, end: field.selectionEnd } : null;
      return;
    }
    if (step.kind !== 'scan') return;
    if (field && !takeFromFields) return;
    e.preventDefault();
    if (field && before?.field === field) {
      field.value = before.value;
      if (before.start !== null && before.end !== null) field.setSelectionRange?.(before.start, before.end);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    before = null;
    onScan(step.text);
  };

  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => target.removeEventListener('keydown', onKeyDown, { capture: true });
}
