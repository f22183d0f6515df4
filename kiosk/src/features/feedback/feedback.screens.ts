/** Feedback and complaints (see app/screen-registry.ts). */
import { defineScreens } from '../../app/screen-registry.ts';
import { spellTicket } from '../../app/read-aloud.ts';
import { startFeedback } from './feedback.store.ts';
import { FeedbackScreen } from './FeedbackScreen.tsx';
import { ThanksScreen } from './ThanksScreen.tsx';

export const feedbackScreens = defineScreens([
  {
    id: 'feedback',
    screen: FeedbackScreen,
    read: (tr) => [tr('feedback.title'), tr('feedback.subtitle')],
    tiles: [{ place: 'tiles', order: 40, testid: 'tile-feedback', icon: 'smile', label: 'home.feedback', start: startFeedback }],
  },
  {
    id: 'thanks',
    screen: ThanksScreen,
    result: true,
    // A complaint's reference is read character by character (it gives nobody access to anything).
    read: (tr, facts) => [
      tr('thanks.title'),
      tr(facts.followUp ? 'thanks.followUp' : 'thanks.body'),
      ...(facts.reference ? [tr('thanks.reference'), spellTicket(facts.reference.replace(/-/g, '')), tr('thanks.referenceHint')] : []),
    ],
  },
]);
