/** The members-and-authority entries of the push handler map. */
import type { Command } from '../../../shared/protocol/commands.ts';
import type { Principal } from '../auth/principal.ts';
import type { Applied } from '../events/applied.ts';
import type { Tx } from '../store/store.ts';
import { changeBalance, decideApproval, reissueCard, setAuthority } from './balance.service.ts';

type MemberCommandType = 'member.balance' | 'member.reissue_card' | 'approval.decide' | 'settings.authority';

export const memberHandlers: { [T in MemberCommandType]: (trx: Tx, who: Principal, cmd: Extract<Command, { type: T }>, now: Date) => Promise<Applied> } = {
  'member.balance': changeBalance,
  'member.reissue_card': reissueCard,
  'approval.decide': decideApproval,
  'settings.authority': setAuthority,
};
