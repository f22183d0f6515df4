import { describe, expect, it, vi } from 'vitest';
import { listenForWedgeScans, WedgeDetector } from '../../kiosk/src/features/scan/hid-wedge.ts';

const CODE = 'BK-20260412-7Q';

/** Feeds `keys` to the detector `gapMs` apart on a fake clock; returns the scans it reported. */
function type(detector: WedgeDetector, keys: string[], gapMs: number, start = 1_000): { scans: string[]; end: number } {
  const scans: string[] = [];
  let t = start;
  for (const key of keys) {
    const step = detector.push(key, t);
    if (step.kind === 'scan') scans.push(step.text);
    t += gapMs;
  }
  return { scans, end: t };
}
const keysOf = (text: string, terminator = 'Enter') => [...text, terminator];

describe('WedgeDetector (pure, fake clock)', () => {
  it('reports one scan for scanner-speed keystrokes ending in Enter', () => {
    expect(type(new WedgeDetector(), keysOf(CODE), 8).scans).toEqual([CODE]);
  });

  it('accepts Tab as the terminator too', () => {
    expect(type(new WedgeDetector(), keysOf(CODE, 'Tab'), 8).scans).toEqual([CODE]);
  });

  it('reports nothing when the same text is typed at human speed', () => {
    expect(type(new WedgeDetector(), keysOf(CODE), 120).scans).toEqual([]);
    // a very fast typist, still well above the scanner gap
    expect(type(new WedgeDetector(), keysOf(CODE), 60).scans).toEqual([]);
  });

  it('treats a gap of exactly maxGapMs as scanner speed and one more ms as a person', () => {
    expect(type(new WedgeDetector({ maxGapMs: 35 }), keysOf(CODE), 35).scans).toEqual([CODE]);
    expect(type(new WedgeDetector({ maxGapMs: 35 }), keysOf(CODE), 36).scans).toEqual([]);
  });

  it('keeps reading a scan through one late key (Bluetooth jitter, a busy kiosk), judging it by its average speed', () => {
    const d = new WedgeDetector();
    let t = type(d, [...CODE.slice(0, 6)], 5).end;
    t += 120; // one key arrives late
    expect(type(d, keysOf(CODE.slice(6)), 5, t).scans).toEqual([CODE]);
  });

  it('never calls steady fast human typing (60 ms a key) a scan', () => {
    expect(type(new WedgeDetector(), keysOf(CODE), 60).scans).toEqual([]);
  });

  it('ignores fast bursts shorter than minLength (a quick "ok" + Enter)', () => {
    expect(type(new WedgeDetector(), keysOf('1234567'), 5).scans).toEqual([]);
    expect(type(new WedgeDetector(), keysOf('12345678'), 5).scans).toEqual(['12345678']);
  });

  it('keeps only the fast burst when a guest typed slowly just before the scan', () => {
    const d = new WedgeDetector();
    const slow = type(d, [...'Room 12'], 150);
    expect(slow.scans).toEqual([]);
    const fast = type(d, keysOf(CODE), 6, slow.end + 400);
    expect(fast.scans).toEqual([CODE]);
  });

  it('drops a burst that pauses mid-way, then reads the next complete one', () => {
    const d = new WedgeDetector();
    let t = type(d, [...'ABCDEFGH'], 5).end;
    t += 200; // stalled: a person, or a broken read
    const late = d.push('Enter', t);
    expect(late.kind).toBe('reset');
    expect(type(d, keysOf(CODE), 5, t + 50).scans).toEqual([CODE]);
  });

  it('a slow Enter after a fast burst is not a scan', () => {
    const d = new WedgeDetector();
    const { end } = type(d, [...CODE], 5);
    expect(d.push('Enter', end + 500).kind).toBe('reset');
  });

  it('lets Shift pass between characters (capitals) without breaking the burst', () => {
    const keys = ['Shift', 'B', 'Shift', 'K', '-', '1', '2', '3', '4', '5', '6', 'Enter'];
    expect(type(new WedgeDetector(), keys, 4).scans).toEqual(['BK-123456']);
  });

  it('resets on editing keys such as Backspace', () => {
    const keys = [...'ABCDEFGH', 'Backspace', 'Enter'];
    expect(type(new WedgeDetector(), keys, 5).scans).toEqual([]);
  });

  it('reads two scans back to back', () => {
    const d = new WedgeDetector();
    const first = type(d, keysOf('AAAA-1111'), 5);
    const second = type(d, keysOf('BBBB-2222'), 5, first.end + 300);
    expect([...first.scans, ...second.scans]).toEqual(['AAAA-1111', 'BBBB-2222']);
  });
});

/** A keydown as the listener reads it (Node has EventTarget and Event, not KeyboardEvent). */
function keydown(key: string, extra: Partial<Record<'repeat' | 'ctrlKey', boolean>> = {}): Event {
  const e = new Event('keydown', { cancelable: true });
  return Object.assign(e, { key, repeat: false, isComposing: false, ctrlKey: false, altKey: false, metaKey: false, ...extra });
}

/** A focused `<input>` that, like a browser, inserts a typed character unless its keydown was cancelled. */
function fakeInput(value = '') {
  const input = {
    tagName: 'INPUT',
    type: 'text',
    value,
    selectionStart: value.length as number | null,
    selectionEnd: value.length as number | null,
    setSelectionRange(s: number, e: number) {
      input.selectionStart = s;
      input.selectionEnd = e;
    },
    inputEvents: 0,
    dispatchEvent(ev: Event) {
      if (ev.type === 'input') input.inputEvents++;
      return true;
    },
  };
  return input;
}

function harness(options: { field?: ReturnType<typeof fakeInput>; takeFromTextFields?: boolean } = {}) {
  const target = new EventTarget();
  let t = 10_000;
  const onScan = vi.fn();
  const stop = listenForWedgeScans(onScan, {
    target,
    now: () => t,
    activeElement: () => (options.field ?? null) as unknown as Element | null,
    takeFromTextFields: options.takeFromTextFields,
  });
  /** Types keys `gapMs` apart; returns the events (to check which were cancelled). */
  const typeKeys = (keys: string[], gapMs: number) =>
    keys.map((key) => {
      const e = keydown(key);
      target.dispatchEvent(e);
      const f = options.field;
      if (f && key.length === 1 && !e.defaultPrevented) {
        // the browser's default action: insert at the caret
        f.value += key;
        f.selectionStart = f.selectionEnd = f.value.length;
      }
      t += gapMs;
      return e;
    });
  return { target, onScan, stop, typeKeys, wait: (ms: number) => (t += ms) };
}

describe('listenForWedgeScans (keydown on window)', () => {
  it('calls onScan once and swallows the terminating Enter when nothing is focused', () => {
    const h = harness();
    const events = h.typeKeys(keysOf(CODE), 7);
    expect(h.onScan).toHaveBeenCalledTimes(1);
    expect(h.onScan).toHaveBeenCalledWith(CODE);
    expect(events.at(-1)!.defaultPrevented).toBe(true);
  });

  it('leaves a guest typing slowly into a text field alone', () => {
    const field = fakeInput();
    const h = harness({ field });
    const events = h.typeKeys(keysOf('Alice Smith'), 140);
    expect(h.onScan).not.toHaveBeenCalled();
    expect(field.value).toBe('Alice Smith');
    expect(field.inputEvents).toBe(0);
    expect(events.some((e) => e.defaultPrevented)).toBe(false);
  });

  it('takes a scan typed into a text field and restores what the guest had typed', () => {
    const field = fakeInput();
    const h = harness({ field });
    h.typeKeys([...'Room 4'], 150); // the guest, slowly
    h.wait(500);
    const events = h.typeKeys(keysOf(CODE), 6); // then the scanner
    expect(h.onScan).toHaveBeenCalledWith(CODE);
    expect(field.value).toBe('Room 4');
    expect([field.selectionStart, field.selectionEnd]).toEqual([6, 6]);
    expect(field.inputEvents).toBe(1);
    expect(events.at(-1)!.defaultPrevented).toBe(true);
  });

  it('with takeFromTextFields: false, leaves a scan in a focused field alone', () => {
    const field = fakeInput('x');
    const h = harness({ field, takeFromTextFields: false });
    const events = h.typeKeys(keysOf(CODE), 6);
    expect(h.onScan).not.toHaveBeenCalled();
    expect(field.value).toBe(`x${CODE}`);
    expect(events.at(-1)!.defaultPrevented).toBe(false);
  });

  it('does not mistake a held key (auto-repeat) for a scan', () => {
    const h = harness();
    h.target.dispatchEvent(keydown('a'));
    for (let i = 0; i < 20; i++) {
      h.wait(30);
      h.target.dispatchEvent(keydown('a', { repeat: true }));
    }
    h.wait(30);
    h.target.dispatchEvent(keydown('Enter'));
    expect(h.onScan).not.toHaveBeenCalled();
  });

  it('stops listening when the returned function is called', () => {
    const h = harness();
    h.stop();
    h.typeKeys(keysOf(CODE), 5);
    expect(h.onScan).not.toHaveBeenCalled();
  });
});
