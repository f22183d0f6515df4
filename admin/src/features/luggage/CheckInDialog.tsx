import { useMemo, useState } from 'preact/hooks';
import { makeClaimCode } from '../../../../shared/domain/luggage.ts';
import type { ServiceRequest } from '../../../../shared/domain/request.ts';
import { errorKey } from '../../i18n/admin.ts';
import { t } from '../../i18n/i18n.ts';
import { checkIn } from '../../sync/luggage.actions.ts';
import { tagsComplete } from './luggage.queries.ts';
import { useCommand } from '../../ui/use-command.ts';

/** Check-in: from a waiting kiosk drop-off (its claim code and guest) or at the desk (a fresh claim code). */
export function CheckInDialog({ waiting, onClose }: { waiting: ServiceRequest[]; onClose: () => void }) {
  const [requestId, setRequestId] = useState<string>(waiting[0]?.id ?? '');
  const req = waiting.find((r) => r.id === requestId) ?? null;
  const deskCode = useMemo(() => makeClaimCode(), []);
  const [bags, setBags] = useState(req?.details?.kind === 'luggage_in' ? req.details.bags : 1);
  const [tags, setTags] = useState<string[]>([]);
  const [location, setLocation] = useState('');
  const [guestName, setGuestName] = useState(req?.guestName ?? '');
  const [room, setRoom] = useState(req?.room ?? '');
  const [pickup, setPickup] = useState('');
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [state, run] = useCommand<'luggage.store'>(onClose);

  function pick(id: string) {
    setRequestId(id);
    const r = waiting.find((w) => w.id === id);
    if (r?.details?.kind === 'luggage_in') setBags(r.details.bags);
    setGuestName(r?.guestName ?? '');
    setRoom(r?.room ?? '');
  }

  function submit(e: Event) {
    e.preventDefault();
    if (!tagsComplete(tags, bags)) return setProblem(t('checkin.missingTags'));
    if (!location.trim()) return setProblem(t('checkin.missingLocation'));
    setProblem(null);
    void run(() =>
      checkIn({
        requestId: req?.id ?? null,
        claimCode: req ? null : deskCode,
        bags,
        tags: tags.slice(0, bags),
        location,
        guestName,
        room,
        notes,
        expectedPickupAt: pickup ? new Date(pickup).toISOString() : null,
      }),
    );
  }

  const claim = req?.details?.kind === 'luggage_in' ? req.details.claimCode : deskCode;
  const busy = state.kind === 'sending';
  const error = problem ?? (state.kind === 'refused' ? t(errorKey(state.code)) : state.kind === 'queued' ? t('luggage.queued') : null);
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <form class="modal luggage-modal" role="dialog" aria-modal="true" aria-labelledby="checkin-title" data-testid="checkin-dialog" onSubmit={submit}>
        <h2 id="checkin-title">{t('checkin.title')}</h2>
        <div class="form-grid">
          <label class="field field-wide">
            <span>{t('checkin.from')}</span>
            <select data-testid="checkin-request" value={requestId} onChange={(e) => pick(e.currentTarget.value)}>
              {waiting.map((r) => (
                <option key={r.id} value={r.id}>
                  {t('checkin.requestOption', { ticket: r.ticket, n: r.details?.kind === 'luggage_in' ? r.details.bags : 0, name: r.guestName ?? t('queue.noName') })}
                </option>
              ))}
              <option value="">{t('checkin.atDesk')}</option>
            </select>
          </label>
          <div class="field field-wide claim-box">
            <span>{t('checkin.claimCode')}</span>
            <strong class="claim-code" data-testid="checkin-claim">
              {claim}
            </strong>
            <small>{req ? t('checkin.claimFromKiosk', { ticket: req.ticket }) : t('checkin.claimHint')}</small>
          </div>
          <label class="field">
            <span>{t('checkin.bags')}</span>
            <input type="number" min={1} max={20} data-testid="checkin-bags" value={bags} onInput={(e) => setBags(Math.max(1, Math.min(20, Number(e.currentTarget.value) || 1)))} />
          </label>
          <label class="field">
            <span>{t('checkin.location')}</span>
            <input data-testid="location-input" maxLength={40} value={location} onInput={(e) => setLocation(e.currentTarget.value)} />
          </label>
          <div class="field field-wide">
            <span>{t('checkin.tags')}</span>
            <div class="tag-inputs">
              {Array.from({ length: bags }, (_, i) => (
                <input
                  key={i}
                  data-testid={`tag-input-${i + 1}`}
                  aria-label={t('checkin.tag', { n: i + 1 })}
                  placeholder={t('checkin.tag', { n: i + 1 })}
                  maxLength={20}
                  value={tags[i] ?? ''}
                  onInput={(e) => {
                    const next = [...tags];
                    next[i] = e.currentTarget.value;
                    setTags(next);
                  }}
                />
              ))}
            </div>
          </div>
          <label class="field">
            <span>{t('checkin.guestName')}</span>
            <input maxLength={80} value={guestName} onInput={(e) => setGuestName(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('checkin.room')}</span>
            <input maxLength={12} value={room} onInput={(e) => setRoom(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('checkin.pickup')}</span>
            <input type="datetime-local" value={pickup} onInput={(e) => setPickup(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('checkin.notes')}</span>
            <input maxLength={500} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
          </label>
        </div>
        <p class="form-error" role="alert" data-testid="checkin-error" hidden={!error}>
          {error ?? ''}
        </p>
        <div class="modal-actions">
          <button type="button" class="btn btn-secondary" onClick={onClose} disabled={busy}>
            {t('luggage.cancel')}
          </button>
          <button type="submit" class="btn btn-primary" data-testid="checkin-submit" disabled={busy}>
            {busy ? t('luggage.saving') : t('checkin.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
