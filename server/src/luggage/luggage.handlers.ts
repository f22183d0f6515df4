/** The luggage ledger's and shoe care's command handlers (shared/protocol/luggage.commands.ts). */
import { defineHandlers } from '../events/command-handler.ts';
import { approveRelease, moveLuggage, releaseLost, releaseLuggage, storeLuggage } from './luggage.service.ts';
import { advanceShoeJob } from './shoe.service.ts';

export const luggageHandlers = defineHandlers({
  'luggage.store': storeLuggage,
  'luggage.move': moveLuggage,
  'luggage.release': releaseLuggage,
  'luggage.release_lost': releaseLost,
  'luggage.approve_release': approveRelease,
  'shoe.advance': advanceShoeJob,
});
