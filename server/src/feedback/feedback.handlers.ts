/** The guest feedback command handler (shared/protocol/feedback.commands.ts). */
import { defineHandlers } from '../events/command-handler.ts';
import { submitFeedback } from './feedback.service.ts';

export const feedbackHandlers = defineHandlers({ 'feedback.submit': submitFeedback });
