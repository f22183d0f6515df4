import { locale } from '../../i18n/locale.store.ts';
import { useActiveServices } from '../../sync/queries.ts';
import { startService } from './service.store.ts';
import { ServiceIcon } from './ServiceIcon.tsx';

/** One home tile per active catalog service, in the manager's order, named in the guest's language. */
export function ServiceTiles() {
  const services = useActiveServices() ?? [];
  const l = locale.value;
  return (
    <>
      {services.map((s) => (
        <button key={s.code} type="button" class="tile tile--service" data-testid={`tile-service-${s.code}`} data-service-tile={s.code} onClick={() => startService(s)}>
          <ServiceIcon name={s.icon} class="tile__icon" />
          <span class="tile__label">
            {s.names[l]}
          </span>
        </button>
      ))}
    </>
  );
}
