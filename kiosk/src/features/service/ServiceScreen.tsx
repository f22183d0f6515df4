/**
 * One screen for any catalog service: its name and icon as the heading, then only the fields its
 * rules turn on — room, time needed, count, note. Confirm waits until every required field is
 * filled and says which are missing. Loaded in its own chunk (service.screens.ts).
 */
import type { ServiceFields } from '../../../../shared/domain/service.ts';
import { SERVICE_COUNT_MAX, type ServiceField } from '../../../../shared/domain/service-form.ts';
import { FormActions, FormError } from '../../components/GuestForm.tsx';
import { Stepper } from '../../components/ResultScreen.tsx';
import { locale, t, type KioskKey } from '../../i18n/locale.store.ts';
import { hourLabel } from '../luggage/pickup-time.ts';
import { canConfirm, laterHours, missingFields, NEEDED_AT, NOTE_MAX, ROOM_MAX, shownFields, type NeededAt, type ServiceDraft } from './service-fields.ts';
import { chosenService, confirmService, serviceBusy, serviceDraft, serviceError, updateService } from './service.store.ts';
import { ServiceIcon } from './ServiceIcon.tsx';
import './service.css';

const FIELD_LABEL: Record<ServiceField, KioskKey> = { room: 'service.room', neededAt: 'service.neededAt', count: 'service.count', note: 'service.note' };
/** The short names the "Please fill in: …" line lists. */
const MISSING_LABEL: Record<ServiceField, KioskKey> = { room: 'service.field.room', neededAt: 'service.field.neededAt', count: 'service.field.count', note: 'service.field.note' };
const neededKey = (n: NeededAt): KioskKey => `service.needed.${n}`;

function Label({ field, rules, as: Tag = 'span' }: { field: ServiceField; rules: ServiceFields; as?: 'span' | 'legend' }) {
  return (
    <Tag class="field__label">
      {t(FIELD_LABEL[field])} <span class="field__rule">{t(rules[field] === 'required' ? 'service.required' : 'service.optional')}</span>
    </Tag>
  );
}

function Field({ field, rules, d }: { field: ServiceField; rules: ServiceFields; d: ServiceDraft }) {
  const required = rules[field] === 'required';
  switch (field) {
    case 'room':
      return (
        <label class="field field--short form-row svc-field svc-field--room">
          <Label field="room" rules={rules} />
          <input
            class="field__input"
            data-testid="service-room"
            inputMode="numeric"
            value={d.room}
            maxLength={ROOM_MAX}
            required={required}
            autocomplete="off"
            spellcheck={false}
            placeholder={t('details.roomPlaceholder')}
            onInput={(e) => updateService({ room: e.currentTarget.value })}
          />
        </label>
      );
    case 'neededAt': {
      const hours = laterHours(new Date());
      return (
        <fieldset class="form-row choice-set svc-field svc-field--wide">
          <Label field="neededAt" rules={rules} as="legend" />
          <div class="chips chips--needed">
            {NEEDED_AT.filter((n) => n !== 'later' || hours.length > 0).map((n) => (
              <button
                key={n}
                type="button"
                class={`chip chip--big ${d.neededAt === n ? 'chip--on' : ''}`}
                aria-pressed={d.neededAt === n}
                data-testid={`service-needed-${n}`}
                onClick={() => updateService({ neededAt: d.neededAt === n && !required ? null : n, laterHour: null })}
              >
                {t(neededKey(n))}
              </button>
            ))}
          </div>
          {d.neededAt === 'later' && (
            <div class="hours" role="group" aria-label={t('service.laterHour')}>
              {hours.map((h) => (
                <button key={h} type="button" class={`chip chip--hour ${d.laterHour === h ? 'chip--on' : ''}`} aria-pressed={d.laterHour === h} data-testid={`service-hour-${h}`} onClick={() => updateService({ laterHour: h })}>
                  {hourLabel(h, locale.value)}
                </button>
              ))}
            </div>
          )}
        </fieldset>
      );
    }
    case 'count':
      return (
        <div class="form-row svc-field svc-field--count">
          <Label field="count" rules={rules} />
          <Stepper id="service-count" value={d.count} min={1} max={SERVICE_COUNT_MAX} label={t('service.count')} onChange={(n) => updateService({ count: n })} />
        </div>
      );
    case 'note':
      return (
        <label class="field form-row svc-field svc-field--wide">
          <Label field="note" rules={rules} />
          <textarea
            class="field__input field__textarea"
            data-testid="service-note"
            value={d.note}
            maxLength={NOTE_MAX}
            rows={2}
            required={required}
            spellcheck={false}
            placeholder={t('service.notePlaceholder')}
            onInput={(e) => updateService({ note: e.currentTarget.value })}
          />
        </label>
      );
  }
}

export function ServiceScreen() {
  const service = chosenService.value;
  if (!service) return <section class="screen" aria-busy="true" />;
  const d = serviceDraft.value;
  const rules = service.fields;
  const fields = shownFields(rules);
  const missing = missingFields(rules, d);
  const submit = (e: Event) => {
    e.preventDefault();
    void confirmService();
  };
  return (
    <form class="screen flow form-flow service-form" onSubmit={submit} autocomplete="off" data-service={service.code}>
      <div class="step-header service-header">
        <ServiceIcon name={service.icon} class="service-header__icon" />
        <div>
          <p class="eyebrow">{t('service.eyebrow')}</p>
          <h1 class="title" tabIndex={-1} data-autofocus data-testid="service-name" data-service-name>
            {service.names[locale.value]}
          </h1>
          <p class="lead">{t(fields.length ? 'service.lead' : 'service.leadNone')}</p>
        </div>
      </div>
      <div class="form-body service-fields">
        {fields.map((f) => (
          <Field key={f} field={f} rules={rules} d={d} />
        ))}
      </div>
      <div class="service-notes" aria-live="polite">
        {missing.length > 0 && (
          <p class="form-hint" data-testid="service-missing">
            {t('service.missing', { fields: missing.map((f) => t(MISSING_LABEL[f])).join(t('service.fieldSep')) })}
          </p>
        )}
        <FormError error={serviceError.value} />
      </div>
      <FormActions busy={serviceBusy.value} ready={canConfirm(rules, d)} submitLabel={t('service.confirm')} submitTestid="confirm" />
    </form>
  );
}
