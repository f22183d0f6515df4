/**
 * Telling a guest whose phone is in a pocket: vibration where the browser has it (Android Chrome; not
 * iOS Safari), a short beep once the guest has touched the page (browsers block sound before a gesture),
 * and the tab's title, so a backgrounded tab shows "A014 called — Desk 2".
 */
let audio: AudioContext | null = null;

/** Called on the guest's first touch: makes (and resumes) the audio context while a gesture allows it. */
export function unlockSound(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume();
  } catch {
    audio = null; // no Web Audio: vibration and the title still tell
  }
}

function beep(): void {
  if (!audio || audio.state !== 'running') return;
  const now = audio.currentTime;
  for (const [at, hz] of [
    [0, 880],
    [0.25, 1175],
  ] as const) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, now + at);
    gain.gain.exponentialRampToValueAtTime(0.3, now + at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + at + 0.2);
    osc.connect(gain).connect(audio.destination);
    osc.start(now + at);
    osc.stop(now + at + 0.22);
  }
}

/** The number was (re)called: buzz and beep, once per call. */
export function announceCall(): void {
  if (typeof navigator.vibrate === 'function') navigator.vibrate([300, 150, 300]);
  beep();
}
