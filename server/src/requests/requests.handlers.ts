/** The queue's command handlers (shared/protocol/request.commands.ts). */
import { defineHandlers, type BatchSlice } from '../events/command-handler.ts';
import { createRequest, createRequests, transitionRequest } from './requests.service.ts';

export const requestHandlers = defineHandlers({
  'request.create': createRequest,
  'request.transition': transitionRequest,
});

/** Runs of tickets (a kiosk delivering its queue) apply set-based on the push's fast path. */
export const requestBatchHandlers: BatchSlice<'request.create'> = { 'request.create': createRequests };
