/** Names in the staff's language for CSVs: the shared staff labels (shared/i18n/staff-labels.ts) the tablet's Reports screen uses too. */
import type { Service } from '../../../shared/domain/service.ts';
import { staffLabels, type StaffLabelKey } from '../../../shared/i18n/staff-labels.ts';
import { REPORT_NONE, type ReportLang } from '../../../shared/protocol/reports.ts';

export function staffText(lang: ReportLang, key: StaffLabelKey): string {
  return staffLabels[lang][key];
}

/** A key under `prefix` in the catalog (`reports.kind.call_staff` → "Consultation"); "(none)" as "Not set"; an unknown key as it came. */
export function staffLabel(lang: ReportLang, prefix: string, key: string): string {
  if (key === REPORT_NONE) return staffText(lang, 'reports.unset');
  return (staffLabels[lang] as Record<string, string | undefined>)[`${prefix}${key}`] ?? key;
}

/** A catalog service's name in the staff's language (the tablet's Chinese is Simplified). */
export function serviceLabel(lang: ReportLang, names: Service['names']): string {
  return lang === 'zh' ? names['zh-Hans'] : names.en;
}
