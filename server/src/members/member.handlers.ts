/** The members-and-authority command handlers (shared/protocol/member.commands.ts). */
import { defineHandlers } from '../events/command-handler.ts';
import { changeBalance, decideApproval, reissueCard, setAuthority } from './balance.service.ts';

export const memberHandlers = defineHandlers({
  'member.balance': changeBalance,
  'member.reissue_card': reissueCard,
  'approval.decide': decideApproval,
  'settings.authority': setAuthority,
});
