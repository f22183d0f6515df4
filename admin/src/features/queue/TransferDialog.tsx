import { useState } from 'preact/hooks';
import { DEPARTMENTS, type Department } from '../../../../shared/domain/issue.ts';
import type { ServiceRequest } from '../../../../shared/domain/request.ts';
import { t } from '../../i18n/i18n.ts';
import { transition } from '../../sync/actions.ts';

/** Sends a request to another desk or a department, with a note for whoever takes it over. */
export function TransferDialog({ request: r, onClose }: { request: ServiceRequest; onClose: () => void }) {
  const [mode, setMode] = useState<'desk' | 'department'>('department');
  const [desk, setDesk] = useState('');
  const [department, setDepartment] = useState<Department>('housekeeping');
  const [note, setNote] = useState('');
  const [error, setError] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    if (mode === 'desk' && !desk.trim()) return setError(true);
    await transition(r, 'transfer', mode === 'desk' ? { desk, note } : { department, note });
    onClose();
  }
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <form class="modal" role="dialog" aria-modal="true" aria-labelledby="transfer-title" data-testid="transfer-dialog" onSubmit={(e) => void submit(e)}>
        <h2 id="transfer-title">{t('transfer.title', { ticket: r.ticket })}</h2>
        <p class="pair-hint">{t('transfer.hint')}</p>
        <fieldset class="transfer-mode">
          <legend>{t('transfer.to')}</legend>
          <label class="check">
            <input type="radio" name="transfer-mode" data-testid="transfer-mode-department" checked={mode === 'department'} onChange={() => setMode('department')} />
            <span>{t('transfer.toDepartment')}</span>
          </label>
          <label class="check">
            <input type="radio" name="transfer-mode" data-testid="transfer-mode-desk" checked={mode === 'desk'} onChange={() => setMode('desk')} />
            <span>{t('transfer.toDesk')}</span>
          </label>
        </fieldset>
        {mode === 'department' ? (
          <label class="field">
            <span>{t('transfer.department')}</span>
            <select data-testid="transfer-department" value={department} onChange={(e) => setDepartment(e.currentTarget.value as Department)}>
              {DEPARTMENTS.map((d) => (
                <option key={d} value={d}>
                  {t(`department.${d}`)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label class="field">
            <span>{t('transfer.desk')}</span>
            <input data-testid="transfer-desk" maxLength={40} inputMode="numeric" value={desk} onInput={(e) => setDesk(e.currentTarget.value)} />
          </label>
        )}
        <label class="field">
          <span>{t('transfer.note')}</span>
          <textarea data-testid="transfer-note" rows={2} maxLength={200} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        {error && (
          <p class="form-error" role="alert">
            {t('transfer.missing')}
          </p>
        )}
        <div class="modal-actions">
          <button type="button" class="btn btn-secondary" onClick={onClose}>
            {t('transfer.cancel')}
          </button>
          <button type="submit" class="btn btn-accent" data-testid="transfer-submit">
            {t('transfer.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
