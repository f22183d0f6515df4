/**
 * Feedback: home → feedback (rating, categories, comment, complaint, and
 * behind "Add your details" an optional name, room and — with consent — a
 * phone number) → thanks (with the complaint's reference). A ticket's own rating is on the guest's
 * phone (`/t/<token>`, kiosk/follow), not here. Nothing typed here outlives the thank-you screen.
 */
import { effect, signal } from '@preact/signals';
import { needsIssue, type FeedbackCategory } from '../../../../shared/domain/feedback-rules.ts';
import { submitFeedback } from '../../sync/actions.ts';
import { step } from '../../app/step.ts';

export interface FeedbackDraft {
  rating: number | null;
  categories: FeedbackCategory[];
  comment: string;
  complaint: boolean;
  contactConsent: boolean;
  contact: string;
  /** "Add your details (optional)" is open. */
  detailsOpen: boolean;
  guestName: string;
  room: string;
}
const EMPTY: FeedbackDraft = { rating: null, categories: [], comment: '', complaint: false, contactConsent: false, contact: '', detailsOpen: false, guestName: '', room: '' };

export const feedbackDraft = signal<FeedbackDraft>(EMPTY);
/** What the thank-you screen says: whether a manager will follow up, and the complaint's reference (minted on this kiosk). */
export const thanks = signal<{ followUp: boolean; reference: string | null } | null>(null);
export const feedbackBusy = signal(false);
export const feedbackError = signal<unknown>(null);

function clearFeedback(): void {
  feedbackDraft.value = EMPTY;
  thanks.value = null;
  feedbackError.value = null;
}
effect(() => {
  if (step.value === 'home') clearFeedback();
});

export function startFeedback(): void {
  clearFeedback();
  step.value = 'feedback';
}

export function updateFeedback(patch: Partial<FeedbackDraft>): void {
  const next = { ...feedbackDraft.value, ...patch };
  // Without consent there is no contact to keep.
  if (!next.contactConsent) next.contact = '';
  feedbackDraft.value = next;
}

export function toggleCategory(c: FeedbackCategory): void {
  const have = feedbackDraft.value.categories;
  updateFeedback({ categories: have.includes(c) ? have.filter((x) => x !== c) : [...have, c] });
}

async function send(input: Parameters<typeof submitFeedback>[0]): Promise<void> {
  if (feedbackBusy.value) return;
  feedbackBusy.value = true;
  feedbackError.value = null;
  try {
    const { reference } = await submitFeedback(input);
    feedbackDraft.value = EMPTY;
    thanks.value = { followUp: needsIssue(input.rating, input.complaint === true), reference };
    step.value = 'thanks';
  } catch (e) {
    feedbackError.value = e;
  } finally {
    feedbackBusy.value = false;
  }
}

export async function sendFeedback(): Promise<void> {
  const d = feedbackDraft.value;
  if (d.rating === null) return;
  await send({
    rating: d.rating,
    categories: d.categories,
    comment: d.comment,
    complaint: d.complaint,
    contactConsent: d.contactConsent,
    contact: d.contactConsent ? d.contact : null,
    guestName: d.guestName,
    room: d.room,
  });
}
