import { useState } from 'preact/hooks';
import { DEPARTMENTS, type Department } from '../../../../shared/domain/issue.ts';
import { SERVICE_ICON_NAMES } from '../../../../shared/domain/service-icons.ts';
import { FieldRule, SERVICE_FIELDS, SERVICE_NAME_MAX, type Service } from '../../../../shared/domain/service.ts';
import { errorKey } from '../../i18n/admin.ts';
import { locale, t } from '../../i18n/i18n.ts';
import { saveService, type ServiceRefusal } from '../../sync/services.ts';
import { ServiceIcon } from '../../ui/ServiceIcon.tsx';
import { bodyOf, codeFromName, formOf, formProblem, newForm, serviceName, type FormProblem, type ServiceForm } from './services.queries.ts';

/** A refusal from the server in words: a 403 says who may, a 400 says which rule (the server's own message), the rest by code. */
export function refusalText(r: ServiceRefusal): string {
  if (r.error === 'forbidden') return t('services.forbidden');
  if (r.limit !== null) return t('services.limit', { n: r.limit });
  if (r.message) return t('services.refused', { message: r.message });
  return t(errorKey(r.error));
}

function problemText(p: FormProblem): string {
  if (p.key === 'taken') return t('services.problem.taken', { code: p.code });
  if (p.key === 'limit') return t('services.limit', { n: p.n });
  return t(`services.problem.${p.key}`);
}

const NAME_FIELDS = [
  { lang: 'en', label: 'services.form.nameEn' },
  { lang: 'zh-Hans', label: 'services.form.nameHans' },
  { lang: 'zh-Hant', label: 'services.form.nameHant' },
] as const;

/** Add or edit one catalog service. The code follows the English name while creating, and is fixed after. */
export function ServiceDialog({ service, catalog, onClose, onSaved }: { service: Service | null; catalog: readonly Service[]; onClose: () => void; onSaved: (s: Service) => void }) {
  const creating = service === null;
  const [form, setForm] = useState<ServiceForm>(() => (service ? formOf(service) : newForm()));
  const [codeTouched, setCodeTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A change clears the last complaint: it was about the form as it was.
  const set = (patch: Partial<ServiceForm>) => {
    setError(null);
    setForm((f) => ({ ...f, ...patch }));
  };

  function setName(lang: 'en' | 'zh-Hans' | 'zh-Hant', value: string) {
    setError(null);
    setForm((f) => ({ ...f, names: { ...f.names, [lang]: value }, code: creating && lang === 'en' && !codeTouched ? codeFromName(value) : f.code }));
  }

  async function save(e: Event) {
    e.preventDefault();
    const problem = formProblem(form, catalog, creating);
    if (problem) return setError(problemText(problem));
    setBusy(true);
    setError(null);
    const res = await saveService(bodyOf(form));
    setBusy(false);
    if (res.ok) onSaved(res.saved);
    else setError(refusalText(res));
  }

  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <section class="modal service-dialog" role="dialog" aria-modal="true" aria-labelledby="service-dialog-title" data-testid="service-dialog">
        <h2 id="service-dialog-title">{service ? t('services.form.titleEdit', { name: serviceName(service, locale.value) }) : t('services.form.titleNew')}</h2>
        <form class="service-form" onSubmit={save} noValidate>
          <fieldset class="service-names-set">
            <legend>{t('services.form.names')}</legend>
            {NAME_FIELDS.map(({ lang, label }) => (
              <label key={lang} class="field">
                <span>{t(label)}</span>
                <input lang={lang} data-testid={`service-name-${lang}`} value={form.names[lang]} maxLength={SERVICE_NAME_MAX} required onInput={(e) => setName(lang, e.currentTarget.value)} />
              </label>
            ))}
            <label class="field">
              <span>{t('services.form.code')}</span>
              <input
                data-testid="service-code"
                value={form.code}
                maxLength={24}
                disabled={!creating}
                spellcheck={false}
                autocapitalize="off"
                onInput={(e) => {
                  setCodeTouched(true);
                  set({ code: e.currentTarget.value.toLowerCase() });
                }}
              />
              <small>{t(creating ? 'services.form.codeHint' : 'services.form.codeFixed')}</small>
            </label>
          </fieldset>
          <div class="service-form-side">
            <fieldset class="service-icons">
              <legend>{t('services.form.icon')}</legend>
              <div class="icon-grid" role="radiogroup" aria-label={t('services.form.icon')}>
                {SERVICE_ICON_NAMES.map((icon) => (
                  <button
                    key={icon}
                    type="button"
                    role="radio"
                    aria-checked={form.icon === icon}
                    class={`icon-choice${form.icon === icon ? ' icon-chosen' : ''}`}
                    data-testid={`service-icon-${icon}`}
                    aria-label={t(`services.icon.${icon}`)}
                    title={t(`services.icon.${icon}`)}
                    onClick={() => set({ icon })}
                  >
                    <ServiceIcon icon={icon} size={26} />
                  </button>
                ))}
              </div>
            </fieldset>
            <label class="field">
              <span>{t('services.form.department')}</span>
              <select data-testid="service-department-select" value={form.department} onChange={(e) => set({ department: e.currentTarget.value as Department })}>
                {DEPARTMENTS.map((d) => (
                  <option key={d} value={d}>
                    {t(`department.${d}`)}
                  </option>
                ))}
              </select>
            </label>
            <fieldset class="service-rules">
              <legend>{t('services.form.fields')}</legend>
              {SERVICE_FIELDS.map((field) => (
                <div key={field} class="rule-row" role="radiogroup" aria-label={t(`services.field.${field}`)} data-testid={`service-rule-${field}`}>
                  <span class="rule-name">{t(`services.field.${field}`)}</span>
                  {FieldRule.options.map((rule) => (
                    <button
                      key={rule}
                      type="button"
                      role="radio"
                      aria-checked={form.fields[field] === rule}
                      class={`rule-choice${form.fields[field] === rule ? ' rule-chosen' : ''}`}
                      data-rule={rule}
                      onClick={() => set({ fields: { ...form.fields, [field]: rule } })}
                    >
                      {t(`services.rule.${rule}`)}
                    </button>
                  ))}
                </div>
              ))}
            </fieldset>
            <label class="wall-toggle">
              <input type="checkbox" role="switch" data-testid="service-call-on-wall" checked={form.callOnWall} onChange={(e) => set({ callOnWall: e.currentTarget.checked })} />
              <span>
                <strong>{t('services.form.callOnWall')}</strong>
                <small>{t('services.form.callOnWallHint')}</small>
              </span>
            </label>
          </div>
          <p class="form-error service-form-error" role="alert" data-testid="service-form-error" hidden={!error}>
            {error ?? ''}
          </p>
          <div class="modal-actions service-form-actions">
            <button type="button" class="btn btn-secondary" data-testid="service-cancel" disabled={busy} onClick={onClose}>
              {t('services.form.cancel')}
            </button>
            <button type="submit" class="btn btn-primary" data-testid="service-save" disabled={busy}>
              {busy ? t('services.form.saving') : t('services.form.save')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
