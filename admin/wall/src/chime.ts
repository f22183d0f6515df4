/**
 * A short two-tone chime through WebAudio. Browsers block audio until a user
 * gesture (unless the display's browser allows autoplay): then this stays
 * silent and never throws.
 */
let ctx: AudioContext | null = null;

function context(): AudioContext | null {
  try {
    const Ctor = globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return null;
    ctx ??= new Ctor();
    return ctx;
  } catch {
    return null;
  }
}

/** Call once from any user gesture (a tap on the wall) so later chimes are allowed. */
export function unlockAudio(): void {
  const c = context();
  if (c && c.state === 'suspended') c.resume().catch(() => undefined);
}

export function playChime(): void {
  try {
    const c = context();
    if (!c) return;
    if (c.state === 'suspended') c.resume().catch(() => undefined);
    const start = c.currentTime + 0.02;
    tone(c, 880, start, 0.32); // "ding"
    tone(c, 660, start + 0.34, 0.5); // "dong"
  } catch {
    /* audio blocked or unavailable: the wall still shows the call */
  }
}

function tone(c: AudioContext, freq: number, at: number, length: number): void {
  const osc = c.createOscillator();
  const gain = c.createGain();
  osc.type = 'sine';
  osc.frequency.setValueAtTime(freq, at);
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.35, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
  osc.connect(gain).connect(c.destination);
  osc.start(at);
  osc.stop(at + length + 0.05);
}
