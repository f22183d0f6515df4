import { useState } from 'preact/hooks';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_GUEST_FIELDS, WEBHOOK_URL_MAX, type WebhookEndpoint } from '../../../../shared/protocol/webhooks.ts';
import { t } from '../../i18n/i18n.ts';
import { createWebhook, updateWebhook } from '../../sync/webhooks.ts';
import { eventName, guestFieldName, problemText, refusalText } from './webhook-text.ts';
import { bodyOf, formOf, formProblems, newForm, patchOf, toggledEvent, toggledGuestField, type FormField, type WebhookForm } from './webhooks.queries.ts';

export type DialogResult = { kind: 'created'; endpoint: WebhookEndpoint; secret: string } | { kind: 'saved'; endpoint: WebhookEndpoint };

/**
 * Add or edit one endpoint. The shared schema checks the form before it is sent; each problem
 * shows beside its field. Guest data is off unless ticked, with a plain warning beside it.
 */
export function EndpointDialog({ endpoint, onClose, onDone }: { endpoint: WebhookEndpoint | null; onClose: () => void; onDone: (r: DialogResult) => void }) {
  const [form, setForm] = useState<WebhookForm>(() => (endpoint ? formOf(endpoint) : newForm()));
  const [shown, setShown] = useState<Partial<Record<FormField, boolean>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problems = formProblems(form);
  // A field's problem shows once it was left or the form was sent, and goes as soon as it is fixed.
  const problem = (f: FormField) => (shown[f] && problems[f] ? problemText(problems[f]) : null);
  const set = (patch: Partial<WebhookForm>) => {
    setError(null);
    setForm((f) => ({ ...f, ...patch }));
  };

  async function save(e: Event) {
    e.preventDefault();
    if (Object.keys(problems).length > 0) return setShown({ url: true, description: true, eventTypes: true });
    setBusy(true);
    setError(null);
    if (endpoint) {
      const patch = patchOf(form, endpoint);
      if (Object.keys(patch).length === 0) return onDone({ kind: 'saved', endpoint });
      const res = await updateWebhook(endpoint.id, patch);
      setBusy(false);
      if (res.ok) onDone({ kind: 'saved', endpoint: res.endpoint });
      else setError(refusalText(res));
    } else {
      const res = await createWebhook(bodyOf(form), form.active);
      setBusy(false);
      if (res.ok) onDone({ kind: 'created', endpoint: res.endpoint, secret: res.secret });
      else setError(refusalText(res));
    }
  }

  const urlProblem = problem('url');
  const descriptionProblem = problem('description');
  const eventsProblem = problem('eventTypes');
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <section class="modal webhook-dialog" role="dialog" aria-modal="true" aria-labelledby="webhook-dialog-title" data-testid="webhook-dialog">
        <h2 id="webhook-dialog-title">{t(endpoint ? 'webhooks.form.titleEdit' : 'webhooks.form.titleNew')}</h2>
        <form class="webhook-form" onSubmit={save} noValidate>
          <div class="webhook-form-main">
            <label class="field">
              <span>{t('webhooks.form.url')}</span>
              <input
                type="url"
                inputMode="url"
                data-testid="webhook-url"
                value={form.url}
                maxLength={WEBHOOK_URL_MAX}
                spellcheck={false}
                autocapitalize="off"
                placeholder="https://"
                aria-invalid={urlProblem ? 'true' : undefined}
                aria-describedby="webhook-url-note"
                onInput={(e) => set({ url: e.currentTarget.value })}
                onBlur={() => setShown((s) => ({ ...s, url: true }))}
              />
              <small id="webhook-url-note" class={urlProblem ? 'field-problem' : 'field-hint'} role={urlProblem ? 'alert' : undefined} data-testid={urlProblem ? 'webhook-url-error' : undefined}>
                {urlProblem ?? t('webhooks.form.urlHint')}
              </small>
            </label>
            <label class="field">
              <span>{t('webhooks.form.description')}</span>
              <input
                data-testid="webhook-description"
                value={form.description}
                maxLength={120}
                aria-invalid={descriptionProblem ? 'true' : undefined}
                aria-describedby="webhook-description-note"
                onInput={(e) => set({ description: e.currentTarget.value })}
                onBlur={() => setShown((s) => ({ ...s, description: true }))}
              />
              <small id="webhook-description-note" class={descriptionProblem ? 'field-problem' : 'field-hint'} role={descriptionProblem ? 'alert' : undefined} data-testid={descriptionProblem ? 'webhook-description-error' : undefined}>
                {descriptionProblem ?? t('webhooks.form.descriptionHint')}
              </small>
            </label>
            <fieldset class="webhook-guest" data-testid="webhook-guest-fields">
              <legend>{t('webhooks.form.guestFields')}</legend>
              <div class="webhook-checks webhook-checks-row">
                {WEBHOOK_GUEST_FIELDS.map((g) => (
                  <label key={g} class="webhook-check">
                    <input type="checkbox" data-testid={`webhook-guest-${g}`} checked={form.guestFields.includes(g)} onChange={(e) => set({ guestFields: toggledGuestField(form.guestFields, g, e.currentTarget.checked) })} />
                    <span>{guestFieldName(g)}</span>
                  </label>
                ))}
              </div>
              <p class={form.guestFields.length > 0 ? 'webhook-guest-warning' : 'field-hint'} data-testid="webhook-guest-hint" role={form.guestFields.length > 0 ? 'alert' : undefined}>
                {form.guestFields.length > 0 ? t('webhooks.form.guestWarning') : t('webhooks.form.guestHint')}
              </p>
            </fieldset>
            <label class="webhook-toggle">
              <input type="checkbox" role="switch" data-testid="webhook-active" checked={form.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
              <span>
                <strong>{t('webhooks.form.active')}</strong>
                <small>{t('webhooks.form.activeHint')}</small>
              </span>
            </label>
          </div>
          <fieldset class="webhook-events" data-testid="webhook-events" aria-invalid={eventsProblem ? 'true' : undefined} aria-describedby="webhook-events-note">
            <legend>{t('webhooks.form.events')}</legend>
            <div class="webhook-checks">
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <label key={type} class="webhook-check">
                  <input
                    type="checkbox"
                    data-testid={`webhook-event-${type}`}
                    checked={form.eventTypes.includes(type)}
                    onChange={(e) => {
                      set({ eventTypes: toggledEvent(form.eventTypes, type, e.currentTarget.checked) });
                      setShown((s) => ({ ...s, eventTypes: true }));
                    }}
                  />
                  <span>{eventName(type)}</span>
                </label>
              ))}
            </div>
            <p id="webhook-events-note" class="field-problem" role="alert" data-testid="webhook-events-error" hidden={!eventsProblem}>
              {eventsProblem ?? ''}
            </p>
          </fieldset>
          <p class="form-error webhook-form-error" role="alert" data-testid="webhook-form-error" hidden={!error}>
            {error ?? ''}
          </p>
          <div class="modal-actions webhook-form-actions">
            <button type="button" class="btn btn-secondary" data-testid="webhook-cancel" disabled={busy} onClick={onClose}>
              {t('webhooks.form.cancel')}
            </button>
            <button type="submit" class="btn btn-primary" data-testid="webhook-save" disabled={busy}>
              {busy ? t('webhooks.form.saving') : t(endpoint ? 'webhooks.form.save' : 'webhooks.form.create')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
