/**
 * The end of a guest's session — they walked away (idle) or a result screen
 * ran out: back to home, the house language, "Read aloud" off. Each feature
 * store drops what the guest entered when the step returns home. ("Done" only
 * returns home: the same guest is still there and may want something else.)
 *
 * A ticket is rated on the guest's own phone (kiosk/follow, `/t/<token>`),
 * never on the shared kiosk, so nothing of it waits here for the next guest.
 */
import { resetToHome } from './step.ts';
import { resetLocale } from '../i18n/locale.store.ts';
import { dismissSaveFailed } from '../sync/state.ts';
import { resetReadAloud } from './read-aloud.ts';

export function endGuestSession({ keepScreen = false }: { keepScreen?: boolean } = {}): void {
  if (!keepScreen) {
    dismissSaveFailed(); // "could not save" was for the guest who walked away
    resetToHome();
  }
  resetLocale();
  resetReadAloud();
}
