import { useEffect, useState } from 'preact/hooks';
import { DEPARTMENTS, FollowUpMethod, type Department, type Issue } from '../../../../shared/domain/issue.ts';
import { clockTime, t } from '../../i18n/i18n.ts';
import { addIssueNote, handOverIssue, loadStaff, setIssueDepartments, staffList, transitionIssue } from '../../sync/issues.ts';

/** The follow-up with the guest (回访): required before an issue can close. */
export function FollowUpForm({ issue, sending }: { issue: Issue; sending: boolean }) {
  const [method, setMethod] = useState<FollowUpMethod>('phone');
  const [view, setView] = useState('');
  const [satisfied, setSatisfied] = useState(true);
  const [error, setError] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    if (!view.trim()) return setError(true);
    setError(false);
    if (await transitionIssue(issue, 'follow_up', { followUp: { at: new Date().toISOString(), method, guestView: view.trim(), satisfied } })) setView('');
  }
  return (
    <form class="issue-section issue-form" data-testid="followup-form" onSubmit={(e) => void submit(e)}>
      <h3>{t('followup.title')}</h3>
      <label class="field">
        <span>{t('followup.method')}</span>
        <select data-testid="followup-method" value={method} onChange={(e) => setMethod(e.currentTarget.value as FollowUpMethod)}>
          {FollowUpMethod.options.map((m) => (
            <option key={m} value={m}>
              {t(`followup.method.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('followup.guestView')}</span>
        <textarea data-testid="followup-guest-view" rows={3} maxLength={1000} value={view} onInput={(e) => setView(e.currentTarget.value)} />
      </label>
      <label class="check">
        <input type="checkbox" data-testid="followup-satisfied" checked={satisfied} onChange={(e) => setSatisfied(e.currentTarget.checked)} />
        <span>{t('followup.satisfied')}</span>
      </label>
      {error && <p class="form-error" role="alert">{t('followup.missing')}</p>}
      <button type="submit" class="btn btn-accent" data-testid="followup-submit" disabled={sending}>
        {t('followup.submit')}
      </button>
    </form>
  );
}

/** Explicit hand-over: the only way ownership moves. */
export function HandoverForm({ issue, sending }: { issue: Issue; sending: boolean }) {
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState(false);
  useEffect(() => {
    if (!staffList.value) void loadStaff();
  }, []);
  const others = (staffList.value ?? []).filter((s) => s.id !== issue.ownerStaffId);
  async function submit(e: Event) {
    e.preventDefault();
    if (!to || !note.trim()) return setError(true);
    setError(false);
    if (await handOverIssue(issue, to, note)) {
      setTo('');
      setNote('');
    }
  }
  return (
    <form class="issue-section issue-form" data-testid="handover-form" onSubmit={(e) => void submit(e)}>
      <h3>{t('issues.handover')}</h3>
      <label class="field">
        <span>{t('issues.handover.to')}</span>
        <select data-testid="handover-to" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
          <option value="">{t('issues.handover.pick')}</option>
          {others.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} · {t(`header.role.${s.role}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('issues.handover.note')}</span>
        <textarea data-testid="handover-note" rows={2} maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      {error && <p class="form-error" role="alert">{t('issues.handover.missing')}</p>}
      <button type="submit" class="btn btn-secondary" data-testid="handover-submit" disabled={sending}>
        {t('issues.handover.submit')}
      </button>
    </form>
  );
}

export function DepartmentsSection({ issue, editable, sending }: { issue: Issue; editable: boolean; sending: boolean }) {
  const [picked, setPicked] = useState<readonly Department[]>(issue.departments);
  useEffect(() => setPicked(issue.departments), [issue.id, issue.rev]);
  const changed = picked.length !== issue.departments.length || picked.some((d) => !issue.departments.includes(d));
  const toggle = (d: Department) => setPicked(picked.includes(d) ? picked.filter((x) => x !== d) : [...picked, d]);
  return (
    <section class="issue-section">
      <h3>{t('issues.departments')}</h3>
      <div class="dept-list">
        {DEPARTMENTS.map((d) => (
          <label key={d} class={`dept ${picked.includes(d) ? 'dept-on' : ''}`}>
            <input type="checkbox" data-testid={`issue-dept-${d}`} disabled={!editable} checked={picked.includes(d)} onChange={() => toggle(d)} />
            <span>{t(`department.${d}`)}</span>
          </label>
        ))}
      </div>
      {editable && changed && (
        <button type="button" class="btn btn-secondary" data-testid="issue-departments-save" disabled={sending} onClick={() => void setIssueDepartments(issue, [...picked])}>
          {t('issues.departments.save')}
        </button>
      )}
    </section>
  );
}

/** Internal notes and hand-overs, newest last; anyone may add a note. Text only, never HTML. */
export function NotesSection({ issue, sending }: { issue: Issue; sending: boolean }) {
  const [text, setText] = useState('');
  async function add(e: Event) {
    e.preventDefault();
    if (text.trim() && (await addIssueNote(issue, text))) setText('');
  }
  return (
    <section class="issue-section">
      <h3>{t('issues.notes')}</h3>
      {issue.notes.length === 0 ? (
        <p class="issue-hint">{t('issues.notes.empty')}</p>
      ) : (
        <ul class="issue-notes">
          {issue.notes.map((n) => (
            <li key={n.id} class={`issue-note issue-note-${n.kind}`} data-testid="issue-note" data-kind={n.kind}>
              <span class="issue-note-meta">
                {clockTime(n.at)} · {n.staffName}
                {n.kind === 'handover' && n.toStaffName ? ` → ${t('issues.note.handover', { name: n.toStaffName })}` : ''}
              </span>
              <span class="issue-note-text">{n.text}</span>
            </li>
          ))}
        </ul>
      )}
      <form class="issue-note-form" onSubmit={(e) => void add(e)}>
        <textarea
          data-testid="issue-note-input"
          rows={2}
          maxLength={1000}
          placeholder={t('issues.note.placeholder')}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="btn btn-secondary" data-testid="issue-note-add" disabled={sending || !text.trim()}>
          {t('issues.note.add')}
        </button>
      </form>
    </section>
  );
}
