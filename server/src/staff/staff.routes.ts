import { StaffList } from '../../../shared/protocol/staff.ts';
import { STAFF_ROLES } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import { route } from '../http/route.ts';
import { activeStaff } from './staff.repo.ts';

/** The staff of the caller's property, for picking whom to hand an issue over to. */
export const staffRoutes = [
  route({
    method: 'GET',
    url: '/api/staff',
    access: STAFF_ROLES,
    tags: ['Staff'],
    summary: "The active staff of the caller's property",
    response: StaffList,
    async handler({ who, deps }) {
      if (who.kind !== 'staff') throw new DomainError('forbidden', 'Staff only');
      return StaffList.parse({ staff: await activeStaff(deps.store.db, who.propertyId) });
    },
  }),
];
