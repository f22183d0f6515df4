import { useEffect, useState } from 'preact/hooks';
import { SERVICE_LIMIT, type Service } from '../../../../shared/domain/service.ts';
import { clockTime, locale, t } from '../../i18n/i18n.ts';
import { loadServices, orderServices, saveService, serviceCatalog, servicesError, servicesLoaded, type ServiceRefusal } from '../../sync/services.ts';
import { ServiceIcon } from '../../ui/ServiceIcon.tsx';
import { ServiceDialog, refusalText } from './ServiceDialog.tsx';
import { askedFields, bodyOf, BUILT_IN_KINDS, formOf, moveCode, serviceName } from './services.queries.ts';
import { errorKey } from '../../i18n/admin.ts';
import './services.css';

type Editing = { mode: 'new' } | { mode: 'edit'; service: Service } | null;
type Notice = { ok: true; text: string } | { ok: false; text: string } | null;

/**
 * The hotel's service catalog on "Kiosks & displays", for managers only: the built-in kinds as
 * fixed rows, then each catalog service in kiosk order with Edit, Move up / down and Retire / Restore.
 */
export function ServicesEditor() {
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  useEffect(() => void loadServices(), []);
  const list = serviceCatalog.value;
  const full = list.length >= SERVICE_LIMIT;

  async function run(code: string, send: () => Promise<{ ok: true } | ServiceRefusal>, done: () => string) {
    setBusy(code);
    setNotice(null);
    const res = await send();
    setBusy(null);
    setNotice(res.ok ? { ok: true, text: done() } : { ok: false, text: refusalText(res) });
  }
  const move = (s: Service, by: -1 | 1) =>
    run(s.code, () => orderServices(moveCode(list.map((x) => x.code), s.code, by)), () => t('services.orderSaved', { time: clockTime(new Date().toISOString()) }));
  const toggleRetired = (s: Service) =>
    run(s.code, () => saveService(bodyOf({ ...formOf(s), retired: !s.retired })), () => t(s.retired ? 'services.restoredAt' : 'services.retiredAt', { name: serviceName(s, locale.value), time: clockTime(new Date().toISOString()) }));

  return (
    <section class="services-editor" data-testid="services-editor" aria-labelledby="services-title">
      <header class="services-head">
        <div>
          <h2 id="services-title">{t('services.title')}</h2>
          <p class="services-hint">{t('services.hint')}</p>
        </div>
        <button type="button" class="btn btn-primary" data-testid="service-add" disabled={full || !servicesLoaded.value} onClick={() => setEditing({ mode: 'new' })}>
          {t('services.add')}
        </button>
      </header>
      {full && (
        <p class="banner banner-warn" role="alert" data-testid="services-limit">
          {t('services.limit', { n: list.length })}
        </p>
      )}
      {servicesError.value && !servicesLoaded.value && (
        <p class="banner banner-warn" role="alert" data-testid="services-load-error">
          {t(errorKey(servicesError.value))}
        </p>
      )}
      <p class={notice?.ok === false ? 'form-error services-notice' : 'services-saved services-notice'} role={notice?.ok === false ? 'alert' : 'status'} data-testid={notice?.ok === false ? 'services-error' : 'services-saved'} hidden={!notice}>
        {notice?.text ?? ''}
      </p>
      <ol class="services-list" data-testid="services-list">
        {BUILT_IN_KINDS.map((k) => (
          <li key={k} class="service-row service-builtin" data-testid="service-builtin" data-kind={k}>
            <span class="service-icon-cell" aria-hidden="true" />
            <span class="service-names service-names-inline">
              <strong>{t(`kind.${k}`)}</strong>
              <small>{t('services.builtInHint')}</small>
            </span>
            <span class="chip">{t('services.builtIn')}</span>
          </li>
        ))}
        {list.map((s, i) => (
          <ServiceRow
            key={s.code}
            service={s}
            first={i === 0}
            last={i === list.length - 1}
            busy={busy !== null}
            onEdit={() => setEditing({ mode: 'edit', service: s })}
            onMove={(by) => void move(s, by)}
            onRetire={() => void toggleRetired(s)}
          />
        ))}
      </ol>
      {servicesLoaded.value && list.length === 0 && (
        <p class="empty" data-testid="services-empty">
          {t('services.empty')}
        </p>
      )}
      {!servicesLoaded.value && !servicesError.value && <p class="empty">{t('services.loading')}</p>}
      {editing && (
        <ServiceDialog
          service={editing.mode === 'edit' ? editing.service : null}
          catalog={list}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice({ ok: true, text: t('services.saved', { name: serviceName(saved, locale.value), time: clockTime(saved.updatedAt) }) });
          }}
        />
      )}
    </section>
  );
}

function ServiceRow({ service: s, first, last, busy, onEdit, onMove, onRetire }: { service: Service; first: boolean; last: boolean; busy: boolean; onEdit: () => void; onMove: (by: -1 | 1) => void; onRetire: () => void }) {
  const name = serviceName(s, locale.value);
  const asked = askedFields(s.fields);
  return (
    <li class={`service-row${s.retired ? ' service-retired' : ''}`} data-testid="service-row" data-code={s.code} data-retired={String(s.retired)}>
      <span class="service-icon-cell">
        <ServiceIcon icon={s.icon} size={28} />
      </span>
      <span class="service-names">
        <strong data-testid="service-name">{name}</strong>
        <small data-testid="service-all-names">
          <span lang="en">{s.names.en}</span> · <span lang="zh-Hans">{s.names['zh-Hans']}</span> · <span lang="zh-Hant">{s.names['zh-Hant']}</span>
        </small>
      </span>
      <span class="service-facts">
        <span data-testid="service-department">{t(`department.${s.department}`)}</span>
        <span data-testid="service-fields">
          {asked.length === 0
            ? t('services.fieldsNone')
            : asked.map(({ field, rule }) => (rule === 'required' ? t('services.fieldRequired', { field: t(`services.field.${field}`) }) : t(`services.field.${field}`))).join(' · ')}
        </span>
        <span data-testid="service-wall">{t(s.callOnWall ? 'services.wall.call' : 'services.wall.list')}</span>
      </span>
      <span class={`chip ${s.retired ? 'chip-retired' : 'chip-active'}`} data-testid="service-state" title={s.retired ? t('services.retiredHint') : undefined}>
        {t(s.retired ? 'services.retired' : 'services.active')}
      </span>
      <span class="service-actions">
        <button type="button" class="btn btn-secondary btn-icon" data-testid="service-up" aria-label={t('services.moveUpLabel', { name })} title={t('services.moveUp')} disabled={busy || first} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" class="btn btn-secondary btn-icon" data-testid="service-down" aria-label={t('services.moveDownLabel', { name })} title={t('services.moveDown')} disabled={busy || last} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" class="btn btn-secondary" data-testid="service-edit" disabled={busy} onClick={onEdit}>
          {t('services.edit')}
        </button>
        <button type="button" class={`btn ${s.retired ? 'btn-secondary' : 'btn-danger'}`} data-testid={s.retired ? 'service-restore' : 'service-retire'} disabled={busy} onClick={onRetire}>
          {t(s.retired ? 'services.restore' : 'services.retire')}
        </button>
      </span>
    </li>
  );
}
