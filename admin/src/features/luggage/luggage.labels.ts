import type { AdminKey } from '../../i18n/admin.ts';

const LABELS: Record<string, AdminKey> = {
  'luggage.store': 'checkin.submit',
  'luggage.move': 'luggage.move',
  'luggage.release': 'luggage.release',
  'luggage.release_lost': 'release.lostSubmit',
  'luggage.approve_release': 'luggage.approve',
  'shoe.advance': 'shoe.title',
  'member.balance': 'members.form.title',
  'member.reissue_card': 'members.reissue',
  'approval.decide': 'members.approvals',
  'settings.authority': 'members.authority',
};

/** What a refused luggage, shoe or member command was, in words. */
export function luggageCommandLabel(type: string): AdminKey {
  return LABELS[type] ?? 'luggage.title';
}
