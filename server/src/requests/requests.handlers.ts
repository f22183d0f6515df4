/** The queue's command handlers (shared/protocol/request.commands.ts). */
import { defineHandlers } from '../events/command-handler.ts';
import { createRequest, transitionRequest } from './requests.service.ts';

export const requestHandlers = defineHandlers({
  'request.create': createRequest,
  'request.transition': transitionRequest,
});
