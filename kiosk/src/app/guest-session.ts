/**
 * The end of a guest's session — they walked away (idle) or a result screen
 * ran out: back to home, the house language, "Read aloud" off. Each feature
 * store drops what the guest entered when the step returns home. ("Done" only
 * returns home: the same guest is still there and may want something else.)
 *
 * The tickets the guest took are offered for rating only while their session
 * lasts (sync/session-tickets.ts): they are forgotten when it ends and when a
 * finished flow goes home (Done or its countdown), so "How did we do with
 * A012?" never waits on the home screen for whoever comes next.
 */
import { onFlowFinished, resetToHome } from './step.ts';
import { resetLocale } from '../i18n/locale.store.ts';
import { dismissSaveFailed, forgetSessionTickets } from '../sync/actions.ts';
import { resetReadAloud } from './read-aloud.ts';

export function endGuestSession({ keepScreen = false }: { keepScreen?: boolean } = {}): void {
  if (!keepScreen) {
    dismissSaveFailed(); // "could not save" was for the guest who walked away
    resetToHome();
  }
  forgetSessionTickets();
  resetLocale();
  resetReadAloud();
}

onFlowFinished(forgetSessionTickets);
