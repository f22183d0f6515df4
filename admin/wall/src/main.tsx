import { render } from 'preact';
import { unlockAudio } from './chime.ts';
import { registerServiceWorker } from './register-sw.ts';
import { startWall, takeToken } from './sync/wall-sync.ts';
import { WallApp } from './WallApp.tsx';
import './wall.css';

startWall(takeToken());
render(<WallApp />, document.getElementById('app')!);
registerServiceWorker();
// A display link opened on an already-open wall changes only the fragment: take the new token and start over.
addEventListener('hashchange', () => {
  if (/(^#|&)token=/.test(location.hash)) {
    takeToken();
    location.reload();
  }
});
// Any tap on the display (e.g. by staff at set-up) allows the chime where autoplay is blocked.
addEventListener('pointerdown', unlockAudio, { once: true });
