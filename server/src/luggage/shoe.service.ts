/**
 * Shoe care (擦鞋服务) as a job on its shoe_care request: the stage lives in
 * the request's details and moves one step at a time (accepted → collected →
 * ready → returned). The stage sets the request's status: accepted/collected
 * → serving, ready → called (the wall calls the ticket), returned → completed.
 */
import { nextShoeStage, SHOE_STAGE_STATUS } from '../../../shared/domain/luggage.machine.ts';
import type { CommandOf, CommandResult } from '../../../shared/protocol/commands.ts';
import type { Principal } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import type { Applied } from '../events/applied.ts';
import type { Tx } from '../store/store.ts';
import { lockOpenRequest, moveRequest, staffOnly } from './linked-requests.ts';

export async function advanceShoeJob(trx: Tx, principal: Principal, cmd: CommandOf<'shoe.advance'>, now: Date): Promise<Applied<CommandResult<'shoe.advance'>>> {
  const who = staffOnly(principal);
  const p = cmd.payload;
  const req = await lockOpenRequest(trx, who, p.requestId, 'shoe_care');
  if (req.details?.kind !== 'shoe_care') throw new DomainError('bad_request', `Ticket ${req.ticket} has no shoe-care details`);
  const current = req.details.stage ?? null;
  if (current !== p.expectedStage) {
    const by = req.assignedStaffName ? ` by ${req.assignedStaffName}` : '';
    throw new DomainError('conflict', `Ticket ${req.ticket} is already ${current ?? 'not accepted'}${by}`, { current: req });
  }
  if (nextShoeStage(current) !== p.stage) throw new DomainError('illegal_transition', `A shoe job goes from ${current ?? 'new'} to ${nextShoeStage(current) ?? 'nowhere'}, not ${p.stage}`);
  const status = SHOE_STAGE_STATUS[p.stage];
  const version = await moveRequest(trx, who, cmd.deviceId, req, { status, details: { ...req.details, stage: p.stage }, desk: p.desk }, now);
  return { result: { requestId: req.id, stage: p.stage, status }, version };
}
