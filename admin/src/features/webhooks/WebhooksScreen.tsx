import { useEffect, useState } from 'preact/hooks';
import type { StaffMe } from '../../../../shared/protocol/auth.ts';
import { WEBHOOK_ENDPOINTS_MAX, type WebhookEndpoint } from '../../../../shared/protocol/webhooks.ts';
import { errorKey } from '../../i18n/admin.ts';
import { clockTime, t } from '../../i18n/i18n.ts';
import { loadWebhooks, sendWebhookTest, updateWebhook, webhookEndpoints, webhooksError, type WebhookRefusal } from '../../sync/webhooks.ts';
import { Header } from '../shell/Header.tsx';
import { openScreen } from '../shell/nav.ts';
import { EndpointDialog, type DialogResult } from './EndpointDialog.tsx';
import { EndpointRow } from './EndpointRow.tsx';
import { RotateDialog, SecretDialog } from './SecretDialog.tsx';
import { refusalText } from './webhook-text.ts';
import { shortUrl, sortEndpoints } from './webhooks.queries.ts';
import './webhooks.css';

type Editing = { mode: 'new' } | { mode: 'edit'; endpoint: WebhookEndpoint } | null;
/** A notice's words are made when shown, so they follow a change of language. */
type Notice = { ok: boolean; text: () => string } | null;
type Secret = { url: string; secret: string; rotated: boolean } | null;


/** Managers: the endpoints other systems are told at, their deliveries, and the secrets that sign them. */
export function WebhooksScreen({ me }: { me: StaffMe }) {
  const [editing, setEditing] = useState<Editing>(null);
  const [rotating, setRotating] = useState<WebhookEndpoint | null>(null);
  const [secret, setSecret] = useState<Secret>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const list = webhookEndpoints.value;
  const error = webhooksError.value;
  const full = (list?.length ?? 0) >= WEBHOOK_ENDPOINTS_MAX;

  useEffect(() => void loadWebhooks(), []);
  useEffect(() => {
    if (list || error) document.body.dataset.ready = 'true';
  }, [list !== null || error !== null]);

  const showDeliveries = (id: string, show: boolean) =>
    setOpen((o) => {
      const next = new Set(o);
      if (show) next.add(id);
      else next.delete(id);
      return next;
    });

  async function run(e: WebhookEndpoint, send: () => Promise<{ ok: true } | WebhookRefusal>, done: () => string) {
    setBusy(e.id);
    setNotice(null);
    const res = await send();
    setBusy(null);
    setNotice(res.ok ? { ok: true, text: done } : { ok: false, text: () => refusalText(res) });
  }
  const test = (e: WebhookEndpoint) => {
    showDeliveries(e.id, true);
    const at = new Date().toISOString();
    void run(e, () => sendWebhookTest(e.id), () => t('webhooks.testQueued', { url: shortUrl(e.url), time: clockTime(at) }));
  };
  const pause = (e: WebhookEndpoint) => {
    const at = new Date().toISOString();
    void run(e, () => updateWebhook(e.id, { active: !e.active }), () => t(e.active ? 'webhooks.pausedAt' : 'webhooks.resumedAt', { url: shortUrl(e.url), time: clockTime(at) }));
  };

  function done(r: DialogResult) {
    setEditing(null);
    if (r.kind === 'created') setSecret({ url: r.endpoint.url, secret: r.secret, rotated: false });
    const at = new Date().toISOString();
    setNotice({ ok: true, text: () => t('webhooks.saved', { url: shortUrl(r.endpoint.url), time: clockTime(at) }) });
  }

  return (
    <div class="webhooks-screen">
      <Header me={me} />
      <section class="toolbar webhooks-toolbar">
        <div class="webhooks-heading">
          <h1 class="screen-title">{t('webhooks.title')}</h1>
          <p class="webhooks-hint">{t('webhooks.hint')}</p>
        </div>
        <button type="button" class="btn btn-secondary" data-testid="webhooks-back" onClick={() => openScreen('kiosks')}>
          {t('webhooks.back')}
        </button>
        <button type="button" class="btn btn-primary" data-testid="webhook-add" disabled={!list || full} onClick={() => setEditing({ mode: 'new' })}>
          {t('webhooks.add')}
        </button>
      </section>
      {full && (
        <p class="banner banner-warn" role="alert" data-testid="webhooks-limit">
          {t('webhooks.limit', { n: list?.length ?? 0 })}
        </p>
      )}
      {error && (
        <p class="banner banner-warn" role="alert" data-testid="webhooks-load-error">
          {t(errorKey(error))}
        </p>
      )}
      <main class="webhooks" data-testid="webhooks">
        <p class={notice?.ok === false ? 'form-error webhooks-notice' : 'webhooks-saved webhooks-notice'} role={notice?.ok === false ? 'alert' : 'status'} data-testid={notice?.ok === false ? 'webhooks-error' : 'webhooks-saved'} hidden={!notice}>
          {notice?.text() ?? ''}
        </p>
        {!list ? (
          !error && <p class="empty">{t('webhooks.loading')}</p>
        ) : list.length === 0 ? (
          <p class="empty" data-testid="webhooks-empty">
            {t('webhooks.empty')}
          </p>
        ) : (
          <ol class="webhooks-list" data-testid="webhooks-list">
            {sortEndpoints(list).map((e) => (
              <EndpointRow
                key={e.id}
                endpoint={e}
                open={open.has(e.id)}
                busy={busy === e.id}
                actions={{
                  onTest: () => test(e),
                  onToggleDeliveries: () => showDeliveries(e.id, !open.has(e.id)),
                  onEdit: () => setEditing({ mode: 'edit', endpoint: e }),
                  onRotate: () => setRotating(e),
                  onPause: () => pause(e),
                }}
              />
            ))}
          </ol>
        )}
      </main>
      {editing && <EndpointDialog endpoint={editing.mode === 'edit' ? editing.endpoint : null} onClose={() => setEditing(null)} onDone={done} />}
      {rotating && (
        <RotateDialog
          endpoint={rotating}
          onClose={() => setRotating(null)}
          onRotated={(s) => {
            setRotating(null);
            setSecret({ url: rotating.url, secret: s, rotated: true });
          }}
        />
      )}
      {secret && <SecretDialog url={secret.url} secret={secret.secret} rotated={secret.rotated} onClose={() => setSecret(null)} />}
    </div>
  );
}
