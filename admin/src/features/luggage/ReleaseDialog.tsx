import { useState } from 'preact/hooks';
import type { LuggageItem } from '../../../../shared/domain/luggage.ts';
import { errorKey } from '../../i18n/admin.ts';
import { t } from '../../i18n/i18n.ts';
import { release, releaseLost } from '../../sync/luggage.actions.ts';
import { useCommand } from '../../ui/use-command.ts';
import type { Sent } from '../../sync/sent.ts';

/**
 * Hand-back: the claim code (typed, or typed by a scanner wedge ending in
 * Enter) and the bags counted; the server checks both. Without the ticket:
 * identity notes, then a supervisor approves. Opened from a kiosk pick-up
 * request's row, the code the guest entered there is filled in.
 */
export function ReleaseDialog({ item, onClose, claimCode = '' }: { item: LuggageItem; onClose: () => void; claimCode?: string }) {
  const [mode, setMode] = useState<'claim' | 'lost'>('claim');
  const [claim, setClaim] = useState(claimCode);
  const [bags, setBags] = useState('');
  const [notes, setNotes] = useState('');
  const [state, run] = useCommand<'luggage.release' | 'luggage.release_lost'>(onClose);
  const busy = state.kind === 'sending';
  const error = state.kind === 'refused' ? t(errorKey(state.code)) : state.kind === 'queued' ? t('luggage.queued') : null;

  function submit(e: Event) {
    e.preventDefault();
    if (mode === 'claim') void run(() => release(item.id, claim, Number(bags)));
    else void run(() => releaseLost(item.id, notes));
  }

  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <form class="modal luggage-modal" role="dialog" aria-modal="true" aria-labelledby="release-title" data-testid="release-dialog" onSubmit={submit}>
        <h2 id="release-title">{t('release.title')}</h2>
        <p class="release-summary">
          {t('release.summary', { n: item.bags, location: item.location, name: item.guestName ?? t('queue.noName') })}
          {item.ticket ? ` · ${item.ticket}` : ''}
        </p>
        {mode === 'claim' ? (
          <div class="form-grid">
            <label class="field field-wide">
              <span>{t('release.claim')}</span>
              <input
                data-testid="release-claim"
                class="claim-input"
                autoFocus={!claimCode}
                autoComplete="off"
                spellcheck={false}
                maxLength={20}
                value={claim}
                onInput={(e) => setClaim(e.currentTarget.value.toUpperCase())}
                onKeyDown={(e) => {
                  // A scanner wedge types the code and presses Enter: go on to the bag count, never straight to the hand-back.
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    const count = e.currentTarget.form?.querySelector<HTMLInputElement>('[data-testid="release-bags"]');
                    count?.focus();
                    count?.select();
                  }
                }}
              />
            </label>
            <label class="field">
              <span>{t('release.bags')}</span>
              <input type="number" min={0} max={50} autoFocus={!!claimCode} data-testid="release-bags" value={bags} onInput={(e) => setBags(e.currentTarget.value)} />
            </label>
          </div>
        ) : (
          <label class="field field-wide">
            <span>{t('release.identity')}</span>
            <textarea data-testid="identity-notes" rows={3} maxLength={500} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
            <small>{t('release.identityHint')}</small>
          </label>
        )}
        <p class="form-error" role="alert" data-testid="release-error" hidden={!error}>
          {error ?? ''}
        </p>
        <div class="modal-actions">
          {mode === 'claim' ? (
            <button type="button" class="btn btn-ghost release-lost" data-testid="release-lost" onClick={() => setMode('lost')} disabled={busy}>
              {t('release.lost')}
            </button>
          ) : (
            <button type="button" class="btn btn-ghost" onClick={() => setMode('claim')} disabled={busy}>
              {t('release.back')}
            </button>
          )}
          <button type="button" class="btn btn-secondary" onClick={onClose} disabled={busy}>
            {t('luggage.cancel')}
          </button>
          {mode === 'claim' ? (
            <button type="submit" class="btn btn-primary" data-testid="release-submit" disabled={busy || !claim.trim() || bags === ''}>
              {busy ? t('release.checking') : t('release.submit')}
            </button>
          ) : (
            <button type="submit" class="btn btn-primary" data-testid="release-lost-submit" disabled={busy || notes.trim().length < 3}>
              {t('release.lostSubmit')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}

/** Move an item to another shelf, room or locker; the custody log records it. */
export function MoveDialog({ item, onClose, onMove }: { item: LuggageItem; onClose: () => void; onMove: (location: string, note: string) => Promise<Sent<'luggage.move'> | null> }) {
  const [location, setLocation] = useState('');
  const [note, setNote] = useState('');
  const [state, run] = useCommand<'luggage.move'>(onClose);
  const busy = state.kind === 'sending';
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <form
        class="modal luggage-modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="move-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (location.trim()) void run(() => onMove(location, note));
        }}
      >
        <h2 id="move-title">{t('move.title', { location: item.location })}</h2>
        <label class="field">
          <span>{t('checkin.location')}</span>
          <input data-testid="move-location" autoFocus maxLength={40} value={location} onInput={(e) => setLocation(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('move.note')}</span>
          <input maxLength={200} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <p class="form-error" role="alert" hidden={state.kind !== 'refused'}>
          {state.kind === 'refused' ? t(errorKey(state.code)) : ''}
        </p>
        <div class="modal-actions">
          <button type="button" class="btn btn-secondary" onClick={onClose} disabled={busy}>
            {t('luggage.cancel')}
          </button>
          <button type="submit" class="btn btn-primary" data-testid="move-submit" disabled={busy || !location.trim()}>
            {t('luggage.move')}
          </button>
        </div>
      </form>
    </div>
  );
}
