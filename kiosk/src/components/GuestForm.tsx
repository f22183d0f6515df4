import type { ComponentChildren } from 'preact';
import { resetToHome } from '../app/step.ts';
import { errorText, t, type KioskKey } from '../i18n/locale.store.ts';
import { Icon } from './Icon.tsx';

/** The failure of the guest's last try (from the feature's store), or nothing. */
export function FormError({ error }: { error: unknown }) {
  if (error === null) return null;
  return (
    <p class="alert" role="alert">
      {errorText(error)}
    </p>
  );
}

/** Cancel (back home) and the submit button, which reads "One moment…" (`confirm.working`) while the request is being saved. */
export function FormActions({ busy, ready, submitLabel, submitTestid }: { busy: boolean; ready: boolean; submitLabel: string; submitTestid: string }) {
  return (
    <div class="actions">
      <button type="button" class="btn btn--ghost" onClick={resetToHome} disabled={busy}>
        <Icon name="back" />
        {t('common.cancel')}
      </button>
      <button type="submit" class="btn btn--primary btn--wide" data-testid={submitTestid} disabled={busy || !ready} aria-busy={busy}>
        <Icon name="check" />
        {busy ? t('confirm.working') : submitLabel}
      </button>
    </div>
  );
}

interface GuestFormProps {
  /** Extra class on the form, after `screen flow form-flow`. */
  class?: string;
  /** Catalog keys of the step header. */
  eyebrow: KioskKey;
  title: KioskKey;
  lead: KioskKey;
  /** Shown in the step header under the lead. */
  header?: ComponentChildren;
  /** Called on submit (the browser's own submit is prevented). */
  onSubmit: () => void;
  error: unknown;
  busy: boolean;
  /** Whether the entries are complete enough to submit. */
  ready: boolean;
  submitLabel: string;
  submitTestid: string;
  /** The screen's own fields. */
  children: ComponentChildren;
}

/** A guest form screen: step header, the screen's fields, the error of the last try, and Cancel / submit. */
export function GuestForm(p: GuestFormProps) {
  const submit = (e: Event) => {
    e.preventDefault();
    p.onSubmit();
  };
  return (
    <form class={p.class ? `screen flow form-flow ${p.class}` : 'screen flow form-flow'} onSubmit={submit} autocomplete="off">
      <div class="step-header">
        <p class="eyebrow">{t(p.eyebrow)}</p>
        <h1 class="title" tabIndex={-1} data-autofocus>
          {t(p.title)}
        </h1>
        <p class="lead">{t(p.lead)}</p>
        {p.header}
      </div>
      <div class="form-body">{p.children}</div>
      <FormError error={p.error} />
      <FormActions busy={p.busy} ready={p.ready} submitLabel={p.submitLabel} submitTestid={p.submitTestid} />
    </form>
  );
}
