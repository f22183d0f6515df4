import type { CallReason } from '../../../../shared/domain/request.ts';
import { CALL_REASONS } from '../../../../shared/domain/request.machine.ts';
import type { KioskKey } from '../../i18n/locale.store.ts';

/** The reasons a guest can pick, in the order shown, with their catalog keys. */
export const REASONS = CALL_REASONS;

export function reasonLabel(r: CallReason): KioskKey {
  return `reason.${r}`;
}
export function reasonHint(r: CallReason): KioskKey {
  return `reason.${r}.hint`;
}
