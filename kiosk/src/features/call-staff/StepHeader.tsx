import { t } from '../../i18n/locale.store.ts';

/** Where the guest is in the flow, the question, and an optional line of help. */
export function StepHeader({ n, total = 3, title, subtitle }: { n: number; total?: number; title: string; subtitle?: string }) {
  return (
    <div class="step-header">
      <p class="step-header__progress" aria-label={t('common.step', { n, total })}>
        {Array.from({ length: total }, (_, i) => (
          <span key={i} class={`dot ${i < n ? 'dot--on' : ''}`} aria-hidden="true" />
        ))}
        <span class="step-header__count">{t('common.step', { n, total })}</span>
      </p>
      <h1 class="title" tabIndex={-1} data-autofocus>
        {title}
      </h1>
      {subtitle && <p class="lead">{subtitle}</p>}
    </div>
  );
}
