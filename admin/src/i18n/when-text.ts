/** "08:00", "tomorrow 08:00" or "Sat 5 Dec 08:00" on the tablet's clock, in the tablet's language. */
import { dayAndTime } from '../../../shared/domain/when.ts';
import { locale, t } from './i18n.ts';

export function whenText(iso: string, nowMs = Date.now()): string {
  return dayAndTime(iso, new Date(nowMs), { locale: locale.value === 'zh' ? 'zh-CN' : 'en-GB', tomorrow: t('when.tomorrow'), onDate: t('when.onDate') });
}
