import { useState } from 'preact/hooks';
import { IssueSeverity } from '../../../../shared/domain/issue.ts';
import { t } from '../../i18n/i18n.ts';
import { recordIssue } from '../../sync/issues.ts';

/** A complaint taken by phone or at the desk: whoever records it owns it (首问负责制). */
export function RecordIssueDialog({ onClose }: { onClose: (issueId: string | null) => void }) {
  const [summary, setSummary] = useState('');
  const [severity, setSeverity] = useState<IssueSeverity>('medium');
  const [guestName, setGuestName] = useState('');
  const [room, setRoom] = useState('');
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    if (!summary.trim()) return setError(true);
    setBusy(true);
    const id = await recordIssue({ severity, summary, guestName, room, contact, contactConsent: consent, departments: [] });
    setBusy(false);
    onClose(id);
  }
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && !busy && onClose(null)}>
      <form class="modal" role="dialog" aria-modal="true" aria-labelledby="record-title" data-testid="record-dialog" onSubmit={(e) => void submit(e)}>
        <h2 id="record-title">{t('record.title')}</h2>
        <label class="field">
          <span>{t('record.summary')}</span>
          <textarea data-testid="record-summary" rows={3} maxLength={1000} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
        </label>
        <div class="record-grid">
          <label class="field">
            <span>{t('record.severity')}</span>
            <select data-testid="record-severity" value={severity} onChange={(e) => setSeverity(e.currentTarget.value as IssueSeverity)}>
              {IssueSeverity.options.map((s) => (
                <option key={s} value={s}>
                  {t(`severity.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>{t('record.room')}</span>
            <input data-testid="record-room" maxLength={12} value={room} onInput={(e) => setRoom(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('record.guestName')}</span>
            <input data-testid="record-guest" maxLength={80} value={guestName} onInput={(e) => setGuestName(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('record.contact')}</span>
            <input data-testid="record-contact" maxLength={80} value={contact} disabled={!consent} onInput={(e) => setContact(e.currentTarget.value)} />
          </label>
        </div>
        <label class="check">
          <input type="checkbox" data-testid="record-consent" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
          <span>{t('record.consent')}</span>
        </label>
        {error && <p class="form-error" role="alert">{t('record.missingSummary')}</p>}
        <div class="modal-actions">
          <button type="button" class="btn btn-secondary" onClick={() => onClose(null)} disabled={busy}>
            {t('record.cancel')}
          </button>
          <button type="submit" class="btn btn-accent" data-testid="record-submit" disabled={busy}>
            {t('record.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
