import { useEffect } from 'preact/hooks';
import type { ServiceRequest } from '../../../../shared/domain/request.ts';
import { locale, t } from '../../i18n/i18n.ts';
import { whenText } from '../../i18n/when-text.ts';
import { lookUpService, serviceByCode } from '../../sync/services.ts';
import { ServiceIcon } from '../../ui/ServiceIcon.tsx';
import { serviceName } from '../services/services.queries.ts';
import './service-kind.css';

/** What a request is for: a built-in kind's name, or a catalog service's icon and name in the staff language. */
export function KindLabel({ request: r }: { request: Pick<ServiceRequest, 'kind' | 'details'> }) {
  const d = r.details?.kind === 'service' ? r.details : null;
  const s = d ? serviceByCode(d.service) : undefined;
  useEffect(() => {
    if (d && !s) lookUpService(d.service);
  }, [d?.service, s]);
  if (!d) return <span class="kind">{t(`kind.${r.kind}`)}</span>;
  return (
    <span class="kind kind-service" data-testid="service-kind" data-service={d.service}>
      {s && <ServiceIcon icon={s.icon} size={20} />}
      {s ? serviceName(s, locale.value) : t('services.unknown', { code: d.service })}
    </span>
  );
}

/** A catalog service's own details on its row: how many, and for when (room and note are the row's common fields). */
export function ServiceFacts({ request: r, nowMs }: { request: Pick<ServiceRequest, 'details'>; nowMs: number }) {
  const d = r.details?.kind === 'service' ? r.details : null;
  if (!d || (d.count === null && d.neededAt === null)) return null;
  return (
    <>
      {d.count !== null && (
        <span class="shoe-stages service-count" data-testid="service-count">
          {t('services.row.count', { n: d.count })}
        </span>
      )}
      {d.neededAt !== null && (
        <span class="shoe-stages service-needed" data-testid="service-needed-at">
          {t('services.row.neededAt', { time: whenText(d.neededAt, nowMs) })}
        </span>
      )}
    </>
  );
}

/** A catalog service's request still in the queue of the department that handles it (not transferred): its row needs no "→ department". */
export function inServiceHome(r: Pick<ServiceRequest, 'details' | 'department'>): boolean {
  const d = r.details?.kind === 'service' ? r.details : null;
  return d !== null && r.department !== null && serviceByCode(d.service)?.department === r.department;
}
