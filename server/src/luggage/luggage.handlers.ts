/** The luggage-ledger and shoe-care entries of the push handler map. */
import type { Applied } from '../events/applied.ts';
import type { Command } from '../../../shared/protocol/commands.ts';
import type { Principal } from '../auth/principal.ts';
import type { Tx } from '../store/store.ts';
import { approveRelease, moveLuggage, releaseLost, releaseLuggage, storeLuggage } from './luggage.service.ts';
import { advanceShoeJob } from './shoe.service.ts';

type LuggageCommandType = 'luggage.store' | 'luggage.move' | 'luggage.release' | 'luggage.release_lost' | 'luggage.approve_release' | 'shoe.advance';

export const luggageHandlers: { [T in LuggageCommandType]: (trx: Tx, who: Principal, cmd: Extract<Command, { type: T }>, now: Date) => Promise<Applied> } = {
  'luggage.store': storeLuggage,
  'luggage.move': moveLuggage,
  'luggage.release': releaseLuggage,
  'luggage.release_lost': releaseLost,
  'luggage.approve_release': approveRelease,
  'shoe.advance': advanceShoeJob,
};
