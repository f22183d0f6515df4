/** The services editor's rules, without the screen: codes from names, moves, the form's own checks, names in the staff language. */
import type { Department } from '../../../../shared/domain/issue.ts';
import { REQUEST_KINDS } from '../../../../shared/domain/request.machine.ts';
import {
  SERVICE_FIELDS,
  SERVICE_LIMIT,
  ServiceCode,
  type FieldRule,
  type Service,
  type ServiceBody,
  type ServiceField,
  type ServiceIcon,
} from '../../../../shared/domain/service.ts';
import type { AdminLocale } from '../../i18n/admin.ts';

/** The built-in kinds (their own screens), shown above the catalog as fixed rows. */
export const BUILT_IN_KINDS = REQUEST_KINDS.filter((k): k is Exclude<(typeof REQUEST_KINDS)[number], 'service'> => k !== 'service');

const CODE_MAX = 24;

/** "Taxi to the airport" → "taxi_to_the_airport": lower-case ASCII letters and digits, everything else one `_`, starting with a letter. */
export function codeFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, CODE_MAX)
    .replace(/_+$/, '');
}

/** The order after moving `code` one place up (-1) or down (+1); unchanged at either end. */
export function moveCode(codes: readonly string[], code: string, by: -1 | 1): string[] {
  const out = [...codes];
  const i = out.indexOf(code);
  const j = i + by;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** The service's name in the tablet's language (the tablet's Chinese is Simplified). */
export function serviceName(s: Pick<Service, 'names'>, locale: AdminLocale): string {
  return locale === 'zh' ? s.names['zh-Hans'] : s.names.en;
}

export interface ServiceForm {
  code: string;
  names: { en: string; 'zh-Hans': string; 'zh-Hant': string };
  icon: ServiceIcon;
  department: Department;
  fields: Record<ServiceField, FieldRule>;
  callOnWall: boolean;
  retired: boolean;
}

export function newForm(): ServiceForm {
  return {
    code: '',
    names: { en: '', 'zh-Hans': '', 'zh-Hant': '' },
    icon: 'concierge',
    department: 'front_office',
    fields: { room: 'optional', neededAt: 'off', count: 'off', note: 'optional' },
    callOnWall: true,
    retired: false,
  };
}

export function formOf(s: Service): ServiceForm {
  return { code: s.code, names: { ...s.names }, icon: s.icon, department: s.department, fields: { ...s.fields }, callOnWall: s.callOnWall, retired: s.retired };
}

export function bodyOf(f: ServiceForm): ServiceBody {
  return { code: f.code, names: { ...f.names }, icon: f.icon, department: f.department, fields: { ...f.fields }, callOnWall: f.callOnWall, retired: f.retired };
}

export type FormProblem = { key: 'names' } | { key: 'code' } | { key: 'taken'; code: string } | { key: 'limit'; n: number };

/** What the form must fix before it is sent; the server checks the same and more. */
export function formProblem(f: ServiceForm, catalog: readonly Pick<Service, 'code'>[], creating: boolean): FormProblem | null {
  if (!f.names.en.trim() || !f.names['zh-Hans'].trim() || !f.names['zh-Hant'].trim()) return { key: 'names' };
  if (!ServiceCode.safeParse(f.code).success) return { key: 'code' };
  if (creating && catalog.some((s) => s.code === f.code)) return { key: 'taken', code: f.code };
  if (creating && catalog.length >= SERVICE_LIMIT) return { key: 'limit', n: catalog.length };
  return null;
}

/** The fields a guest fills in, in the editor's order, with their rule (off ones left out). */
export function askedFields(fields: Service['fields']): { field: ServiceField; rule: Exclude<FieldRule, 'off'> }[] {
  return SERVICE_FIELDS.flatMap((field) => {
    const rule = fields[field];
    return rule === 'off' ? [] : [{ field, rule }];
  });
}
