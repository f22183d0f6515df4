import { useState } from 'preact/hooks';
import { errorKey } from '../../i18n/admin.ts';
import { clockTime, t } from '../../i18n/i18n.ts';
import { createPairingCode } from '../../sync/actions.ts';
import type { FailureCode } from '../../sync/api.ts';

type Kind = 'kiosk' | 'wall';

/** Supervisors and managers enrol a kiosk or wall display with a one-time code shown large. */
export function PairPanel() {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>('kiosk');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FailureCode | 'missing_name' | null>(null);
  const [result, setResult] = useState<{ code: string; expiresAt: string } | null>(null);

  async function create(e: Event) {
    e.preventDefault();
    if (!name.trim()) return setError('missing_name');
    setBusy(true);
    setError(null);
    const res = await createPairingCode(kind, name);
    setBusy(false);
    if (res.ok) setResult({ code: res.code, expiresAt: res.expiresAt });
    else setError(res.error);
  }

  function close() {
    setOpen(false);
    setResult(null);
    setError(null);
  }

  return (
    <>
      <button type="button" class="btn btn-ghost" data-testid="pair-kiosk" onClick={() => setOpen(true)}>
        {t('pair.open')}
      </button>
      {open && (
        <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
          <section class="modal" role="dialog" aria-modal="true" aria-labelledby="pair-title" data-testid="pair-panel">
            <h2 id="pair-title">{t('pair.title')}</h2>
            {result ? (
              <div class="pair-result">
                <p class="pair-hint">{t('pair.codeHint')}</p>
                <div class="pair-code" data-testid="pair-code-value">
                  {result.code}
                </div>
                <p class="pair-expiry" data-testid="pair-code-expires">
                  {t('pair.expires', { time: clockTime(result.expiresAt) })}
                </p>
                <div class="modal-actions">
                  <button type="button" class="btn btn-secondary" onClick={() => (setResult(null), setName(''))}>
                    {t('pair.another')}
                  </button>
                  <button type="button" class="btn btn-primary" onClick={close}>
                    {t('pair.close')}
                  </button>
                </div>
              </div>
            ) : (
              <form onSubmit={create}>
                <label class="field">
                  <span>{t('pair.kind')}</span>
                  <select data-testid="pair-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
                    <option value="kiosk">{t('pair.kind.kiosk')}</option>
                    <option value="wall">{t('pair.kind.wall')}</option>
                  </select>
                </label>
                <label class="field">
                  <span>{t('pair.name')}</span>
                  <input
                    data-testid="pair-name"
                    value={name}
                    maxLength={60}
                    placeholder={t('pair.namePlaceholder')}
                    onInput={(e) => setName(e.currentTarget.value)}
                  />
                </label>
                <p class="form-error" data-testid="pair-error" role="alert" hidden={!error}>
                  {error === 'missing_name' ? t('pair.missingName') : error ? t(errorKey(error)) : ''}
                </p>
                <div class="modal-actions">
                  <button type="button" class="btn btn-secondary" onClick={close}>
                    {t('pair.close')}
                  </button>
                  <button type="submit" class="btn btn-primary" data-testid="pair-create" disabled={busy}>
                    {busy ? t('pair.creating') : t('pair.create')}
                  </button>
                </div>
              </form>
            )}
          </section>
        </div>
      )}
    </>
  );
}
