/**
 * The one place the on-screen keyboard is attached (installed once from main.tsx). Screens only
 * declare their fields (see guest-field.ts); a tap on a guest field loads the keyboard (its own
 * chunk: the kiosk's first screen does not pay for it) and opens it for that field, in the guest's
 * language. It closes on Done, when focus moves to another control of the screen, when the screen
 * changes, and on the idle reset — and it keeps nothing that was typed.
 */
import { effect } from '@preact/signals';
import { idleResets } from '../../app/idle.ts';
import { step } from '../../app/step.ts';
import { claimField, guestFieldOf, type GuestField } from './guest-field.ts';
import type { Osk } from './onscreen-keyboard.ts';

let osk: Promise<Osk> | null = null;
let wanted: GuestField | null = null;

function load(): Promise<Osk> {
  osk ??= import('./onscreen-keyboard.ts').then((m) => m.createOsk(closeKeyboard));
  return osk;
}

async function open(field: GuestField) {
  const pad = claimField(field);
  wanted = field;
  const k = await load();
  if (wanted === field && field.isConnected) k.show(field, pad);
}

export function closeKeyboard(): void {
  const field = wanted;
  wanted = null;
  void osk?.then((k) => {
    if (wanted) return; // reopened meanwhile
    k.hide();
    if (field && document.activeElement === field) field.blur();
  });
}

/**
 * Closes it once the tap that moved focus away has finished: closing at once would move the screen
 * under the finger between press and release, and the tap on (say) Continue would be lost.
 */
let pointerDown = false;
let closeAfterTap: GuestField | null = null;
function closeSoon() {
  const field = wanted;
  const close = () => wanted === field && closeKeyboard();
  if (pointerDown) closeAfterTap = field;
  else setTimeout(close, 0);
}

export function installOnscreenKeyboard(): () => void {
  // Before the field takes focus: no OS keyboard (inputmode=none) on a touch device.
  const onPointerDown = (e: Event) => {
    pointerDown = true;
    const field = guestFieldOf(e.target);
    if (field) claimField(field);
  };
  const onPointerUp = () => {
    pointerDown = false;
    const field = closeAfterTap;
    closeAfterTap = null;
    if (field) setTimeout(() => wanted === field && closeKeyboard(), 0);
  };
  const onFocusIn = (e: FocusEvent) => {
    const field = guestFieldOf(e.target);
    if (field) void open(field);
    // Another control of the screen (a chip, a button, the heading of a new screen); the top bar (language, read aloud) and the idle warning leave it open.
    else if (wanted && e.target instanceof Element && e.target.closest('#main')) closeSoon();
  };
  // A tap on the field that already has focus (after Done) opens it again.
  const onClick = (e: Event) => {
    const field = guestFieldOf(e.target);
    if (field && field !== wanted) void open(field);
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  document.addEventListener('pointerup', onPointerUp, true);
  document.addEventListener('pointercancel', onPointerUp, true);
  document.addEventListener('focusin', onFocusIn);
  document.addEventListener('click', onClick);
  let first = true;
  const stop = effect(() => {
    void step.value; // a new screen
    void idleResets.value; // the guest walked away
    if (first) first = false;
    else closeKeyboard();
  });
  return () => {
    stop();
    document.removeEventListener('pointerdown', onPointerDown, true);
    document.removeEventListener('pointerup', onPointerUp, true);
    document.removeEventListener('pointercancel', onPointerUp, true);
    document.removeEventListener('focusin', onFocusIn);
    document.removeEventListener('click', onClick);
  };
}
