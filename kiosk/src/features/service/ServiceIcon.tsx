import { SERVICE_ICON_PATHS, type ServiceIconName } from '../../../../shared/domain/service-icons.ts';

/** A catalog service's icon: the same line drawing the tablet's picker and the wall show (shared/domain/service-icons.ts). */
export function ServiceIcon({ name, class: cls }: { name: ServiceIconName; class?: string }) {
  const paths = SERVICE_ICON_PATHS[name] ?? SERVICE_ICON_PATHS.question;
  return (
    <svg class={`icon ${cls ?? ''}`} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
