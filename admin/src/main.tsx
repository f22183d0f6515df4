import { render } from 'preact';
import { App } from './App.tsx';
import { registerServiceWorker } from './sw/register-sw.ts';
import { boot } from './sync/session.ts';
import './app.css';

render(<App />, document.getElementById('app')!);
void boot();
registerServiceWorker();
void navigator.storage?.persist?.().catch(() => false);
