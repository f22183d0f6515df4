import { SERVICE_ICON_PATHS, type ServiceIconName } from '../../../shared/domain/service-icons.ts';

/** A catalog service's icon, drawn from the shared path data (24×24, stroke in the text colour). */
export function ServiceIcon({ icon, size = 24, class: cls }: { icon: ServiceIconName; size?: number; class?: string }) {
  return (
    <svg class={cls ?? 'service-icon'} width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" data-icon={icon}>
      {SERVICE_ICON_PATHS[icon].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
