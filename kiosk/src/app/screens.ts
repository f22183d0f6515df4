/**
 * Every guest screen of the kiosk, from the features' own registrations (app/screen-registry.ts).
 * A new screen is one entry in its feature's `*.screens.ts` plus that file in FEATURES below;
 * the `Step` union, RESULT_STEPS, MEMBER_DATA_STEPS, the App's switch, what "Read aloud" says
 * and the home tiles all follow from it.
 */
import { effect } from '@preact/signals';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { balanceScreens } from '../features/balance/balance.screens.ts';
import { callStaffScreens } from '../features/call-staff/call-staff.screens.ts';
import { feedbackScreens } from '../features/feedback/feedback.screens.ts';
import { homeScreens } from '../features/home/home.screens.ts';
import { luggageScreens } from '../features/luggage/luggage.screens.ts';
import { serviceScreens } from '../features/service/service.screens.ts';
import { shoeCareScreens } from '../features/shoe-care/shoe-care.screens.ts';
import { spokenText, type ScreenFacts, type Translate } from './read-aloud.ts';
import { buildRegistry } from './screen-registry.ts';
import { flowFinished, step } from './step.ts';

/** Home's built-in tiles come in this order (each feature's `order` within its place). */
const FEATURES = [homeScreens, callStaffScreens, luggageScreens, shoeCareScreens, feedbackScreens, serviceScreens, balanceScreens] as const;

type Ids<T> = T extends readonly (readonly { id: infer I }[])[] ? I : never;
/** Every guest screen's id. */
export type Step = Ids<typeof FEATURES>;

export const SCREENS = buildRegistry<Step>(FEATURES);

/** Screens shown after a flow is finished: they count down and return home themselves. */
export const RESULT_STEPS: readonly Step[] = SCREENS.resultSteps;

/** Screens showing a member's data (balance, points, tier): the idle reset comes sooner there (main.tsx). */
export const MEMBER_DATA_STEPS: readonly Step[] = SCREENS.memberDataSteps;

/** Home's tiles, every feature's, by place and order. */
export const HOME_TILES = SCREENS.tiles;

/** The lines "Read aloud" says on a screen, in order. */
export function screenLines(s: Step, tr: Translate, facts: ScreenFacts = {}): string[] {
  return SCREENS.byId[s].read(tr, facts, { tiles: HOME_TILES });
}

/** The screen's lines as one utterance. */
export function screenText(s: Step, tr: Translate, locale: Locale, facts: ScreenFacts = {}): string {
  return spokenText(screenLines(s, tr, facts), locale);
}

// A finished flow going home ends that guest's business (app/step.ts `onFlowFinished`).
let stepBefore: Step = step.peek();
effect(() => {
  const now = step.value;
  if (now === 'home' && RESULT_STEPS.includes(stepBefore)) flowFinished();
  stepBefore = now;
});
