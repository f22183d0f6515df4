import { effect } from '@preact/signals';
import { render } from 'preact';
import { unlockSound } from './alert.ts';
import { FollowApp } from './FollowApp.tsx';
import { follow, phase, tokenFromPath } from './follow.sync.ts';
import { lang, startLanguage } from './i18n.ts';
import './follow.css';

const token = tokenFromPath(location.pathname);
let started = false;
// The page starts in the guest's language on the kiosk (unless they picked one on this phone before).
effect(() => {
  const p = phase.value;
  if (!started && p.kind === 'view') {
    started = true;
    startLanguage(p.view.language);
  }
});
effect(() => {
  document.documentElement.lang = lang.value;
});
render(<FollowApp token={token} />, document.getElementById('app')!);
void follow(token);
// Browsers allow sound only after a gesture: the guest's first touch unlocks the call's beep.
addEventListener('pointerdown', unlockSound, { once: true });
