import { useState } from 'preact/hooks';
import type { WebhookEndpoint } from '../../../../shared/protocol/webhooks.ts';
import { t } from '../../i18n/i18n.ts';
import { rotateWebhookSecret } from '../../sync/webhooks.ts';
import { refusalText } from './webhook-text.ts';
import { shortUrl } from './webhooks.queries.ts';

/**
 * A signing secret, shown once: after an endpoint is added and after its secret is rotated. It lives
 * only in this dialog's props; closing the dialog forgets it.
 */
export function SecretDialog({ url, secret, rotated, onClose }: { url: string; secret: string; rotated: boolean; onClose: () => void }) {
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  async function copySecret() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }
  return (
    <div class="modal-backdrop">
      <section class="modal webhook-secret-dialog" role="alertdialog" aria-modal="true" aria-labelledby="webhook-secret-title" aria-describedby="webhook-secret-keep" data-testid="webhook-secret-dialog">
        <h2 id="webhook-secret-title">{t(rotated ? 'webhooks.secret.titleRotated' : 'webhooks.secret.titleNew')}</h2>
        <p class="webhook-secret-for" title={url}>
          {t('webhooks.secret.for', { url: shortUrl(url, 60) })}
        </p>
        <div class="webhook-secret-box">
          <input class="webhook-secret" data-testid="webhook-secret" readOnly value={secret} spellcheck={false} aria-label={t(rotated ? 'webhooks.secret.titleRotated' : 'webhooks.secret.titleNew')} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" class="btn btn-secondary" data-testid="webhook-secret-copy" onClick={() => void copySecret()}>
            {t('webhooks.secret.copy')}
          </button>
        </div>
        <p class={copy === 'failed' ? 'form-error' : 'webhook-copied'} role="status" data-testid="webhook-secret-copied" hidden={!copy}>
          {copy === 'failed' ? t('webhooks.secret.copyFailed') : copy === 'copied' ? t('webhooks.secret.copied') : ''}
        </p>
        <p id="webhook-secret-keep" class="webhook-secret-keep">
          <strong>{t('webhooks.secret.keep')}</strong>
        </p>
        {rotated && <p class="webhook-secret-note" data-testid="webhook-secret-old">{t('webhooks.secret.oldSigns')}</p>}
        <p class="webhook-secret-note">{t('webhooks.secret.how')}</p>
        <div class="modal-actions">
          <button type="button" class="btn btn-primary" data-testid="webhook-secret-done" onClick={onClose}>
            {t('webhooks.secret.done')}
          </button>
        </div>
      </section>
    </div>
  );
}

/** "Rotate the secret?": on yes, the new secret comes back for the SecretDialog. */
export function RotateDialog({ endpoint, onClose, onRotated }: { endpoint: WebhookEndpoint; onClose: () => void; onRotated: (secret: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function rotate() {
    setBusy(true);
    setError(null);
    const res = await rotateWebhookSecret(endpoint.id);
    setBusy(false);
    if (res.ok) onRotated(res.secret);
    else setError(refusalText(res));
  }
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <section class="modal" role="alertdialog" aria-modal="true" aria-labelledby="webhook-rotate-title" aria-describedby="webhook-rotate-body" data-testid="webhook-rotate-dialog">
        <h2 id="webhook-rotate-title" class="webhook-rotate-title">{t('webhooks.rotateTitle', { url: shortUrl(endpoint.url, 40) })}</h2>
        <p id="webhook-rotate-body">{t('webhooks.rotateBody')}</p>
        <p class="form-error" role="alert" data-testid="webhook-rotate-error" hidden={!error}>
          {error ?? ''}
        </p>
        <div class="modal-actions">
          <button type="button" class="btn btn-secondary" disabled={busy} onClick={onClose}>
            {t('webhooks.cancel')}
          </button>
          <button type="button" class="btn btn-primary" data-testid="webhook-rotate-confirm" disabled={busy} onClick={() => void rotate()}>
            {busy ? t('webhooks.rotating') : t('webhooks.rotateConfirm')}
          </button>
        </div>
      </section>
    </div>
  );
}
