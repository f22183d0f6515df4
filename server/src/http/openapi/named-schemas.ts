/**
 * The shared schemas by their exported names: the API reference names a shape
 * after the export that defines it (`components/schemas/PushResponse`). A
 * schema exported under two names keeps the first; a shape that is not
 * exported gets a name from its route (components.ts).
 */
import { z } from 'zod';
import * as authority from '../../../../shared/domain/authority.ts';
import * as issue from '../../../../shared/domain/issue.ts';
import * as luggage from '../../../../shared/domain/luggage.ts';
import * as request from '../../../../shared/domain/request.ts';
import * as service from '../../../../shared/domain/service.ts';
import * as text from '../../../../shared/domain/text.ts';
import * as auth from '../../../../shared/protocol/auth.ts';
import * as claimCheck from '../../../../shared/protocol/claim-check.ts';
import * as commands from '../../../../shared/protocol/commands.ts';
import * as devices from '../../../../shared/protocol/devices.ts';
import * as display from '../../../../shared/protocol/display.ts';
import * as errors from '../../../../shared/protocol/errors.ts';
import * as events from '../../../../shared/protocol/events.ts';
import * as feedbackCommands from '../../../../shared/protocol/feedback.commands.ts';
import * as health from '../../../../shared/protocol/health.ts';
import * as issueCommands from '../../../../shared/protocol/issue.commands.ts';
import * as luggageCommands from '../../../../shared/protocol/luggage.commands.ts';
import * as memberCommands from '../../../../shared/protocol/member.commands.ts';
import * as membersStaff from '../../../../shared/protocol/members-staff.ts';
import * as members from '../../../../shared/protocol/members.ts';
import * as reports from '../../../../shared/protocol/reports.ts';
import * as requestCommands from '../../../../shared/protocol/request.commands.ts';
import * as staff from '../../../../shared/protocol/staff.ts';
import * as sync from '../../../../shared/protocol/sync.ts';
import * as waitStats from '../../../../shared/protocol/wait-stats.ts';
import * as webhooks from '../../../../shared/protocol/webhooks.ts';

/** Protocol first: where two modules export the same name, the protocol's wins and the other is not named. */
const MODULES: readonly Record<string, unknown>[] = [
  errors,
  auth,
  health,
  devices,
  sync,
  commands,
  events,
  requestCommands,
  feedbackCommands,
  luggageCommands,
  issueCommands,
  memberCommands,
  members,
  membersStaff,
  staff,
  claimCheck,
  waitStats,
  display,
  reports,
  webhooks,
  request,
  issue,
  luggage,
  service,
  authority,
  text,
];

/** Every exported zod schema of shared/, by name (first export wins; names are unique). */
export function namedSchemas(): Map<z.ZodType, string> {
  const byName = new Map<string, z.ZodType>();
  const names = new Map<z.ZodType, string>();
  for (const mod of MODULES) {
    for (const [name, value] of Object.entries(mod).sort(([a], [b]) => a.localeCompare(b))) {
      if (!(value instanceof z.ZodType) || names.has(value) || byName.has(name)) continue;
      byName.set(name, value);
      names.set(value, name);
    }
  }
  return names;
}
