import type { Issue } from '../../../../shared/domain/issue.ts';
import { clockTime, t } from '../../i18n/i18n.ts';
import { transitionIssue } from '../../sync/issues.ts';
import { offersNoContact } from './issues.queries.ts';

/**
 * "Guest left no contact": the follow-up's outcome when the guest left no
 * contact and no room (a kiosk complaint often does). Recording it moves the
 * issue to followed up, so it can be closed.
 */
export function NoContactPanel({ issue, sending }: { issue: Issue; sending: boolean }) {
  if (!offersNoContact(issue)) return null;
  return (
    <section class="issue-section issue-no-contact" data-testid="no-contact-panel">
      <h3>{t('noContact.title')}</h3>
      <p class="issue-hint">{t('noContact.body')}</p>
      <button type="button" class="btn btn-secondary" data-testid="issue-no-contact" disabled={sending} onClick={() => void transitionIssue(issue, 'no_contact')}>
        {t('noContact.submit')}
      </button>
    </section>
  );
}

/** The follow-up as recorded: how, when, by whom and the guest's view — or that the guest left no contact. */
export function FollowUpRecord({ issue }: { issue: Issue }) {
  const f = issue.followUp;
  if (!f) return null;
  return (
    <section class="issue-section" data-testid="followup-record" data-outcome={f.outcome}>
      <h3>{t('followup.title')}</h3>
      {f.outcome === 'no_contact' ? (
        <p class="issue-followup-line">{t('noContact.done', { time: clockTime(f.at), name: f.byStaffName })}</p>
      ) : (
        <>
          <p class="issue-followup-line">
            {t('followup.done', { method: t(`followup.method.${f.method}`), time: clockTime(f.at), name: f.byStaffName })}
            {' · '}
            <strong data-testid="issue-satisfied" data-satisfied={String(f.satisfied)}>
              {t(f.satisfied ? 'followup.satisfiedYes' : 'followup.satisfiedNo')}
            </strong>
          </p>
          <p class="issue-note-text">{f.guestView}</p>
        </>
      )}
    </section>
  );
}
