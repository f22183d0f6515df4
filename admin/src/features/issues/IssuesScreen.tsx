import { useEffect, useState } from 'preact/hooks';
import { ISSUE_STATUSES } from '../../../../shared/domain/issue.machine.ts';
import type { Issue } from '../../../../shared/domain/issue.ts';
import type { StaffMe } from '../../../../shared/protocol/auth.ts';
import { t } from '../../i18n/i18n.ts';
import { issueList, issuesLoaded, sendingIssueIds, serverIssues } from '../../sync/issues.ts';
import { now } from '../../ui/now.ts';
import { SavedViewBanner } from '../queue/SavedViewBanner.tsx';
import { Header } from '../shell/Header.tsx';
import { IssueCard } from './IssueCard.tsx';
import { IssueDetail } from './IssueDetail.tsx';
import { byDepartment, byUrgency, filterIssues, issueCounts, searchIssues, type IssueView, type StatusFilter } from './issues.queries.ts';
import { IssueSearch } from './IssueSearch.tsx';
import { RecordIssueDialog } from './RecordIssueDialog.tsx';
import './issues.css';

const VIEWS: IssueView[] = ['overdue', 'mine', 'department'];

/** The pending-issue board (投诉台帐): every open complaint, live, most urgent first, and the selected one's detail. */
export function IssuesScreen({ me }: { me: StaffMe }) {
  const [view, setView] = useState<IssueView>('overdue');
  const [status, setStatus] = useState<StatusFilter>('open');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const nowMs = now.value;
  const all = issueList.value;
  const [query, setQuery] = useState('');
  const shown = byUrgency(filterIssues(searchIssues(all, query), { view, status, meId: me.staff.id }), nowMs);
  const counts = issueCounts(all, me.staff.id, nowMs);
  const selected = selectedId ? serverIssues.value.get(selectedId) : undefined;
  const sending = sendingIssueIds.value;
  const loaded = issuesLoaded.value;

  useEffect(() => {
    if (loaded) document.body.dataset.ready = 'true';
  }, [loaded]);

  const card = (i: Issue, key = i.id) => <IssueCard key={key} issue={i} nowMs={nowMs} selected={i.id === selectedId} sending={sending.has(i.id)} onSelect={setSelectedId} />;

  return (
    <div class="issues-screen">
      <Header me={me} />
      <SavedViewBanner />
      <section class="toolbar issues-toolbar">
        <h1 class="screen-title">{t('issues.title')}</h1>
        <div class="segmented" role="group" aria-label={t('issues.title')}>
          {VIEWS.map((v) => (
            <button key={v} type="button" class={`seg ${view === v ? 'seg-on' : ''}`} aria-pressed={view === v} data-testid={`issues-view-${v}`} onClick={() => setView(v)}>
              {t(`issues.view.${v}`)}
            </button>
          ))}
        </div>
        <label class="issues-filter">
          <span>{t('issues.filter.label')}</span>
          <select data-testid="issues-status-filter" value={status} onChange={(e) => setStatus(e.currentTarget.value as StatusFilter)}>
            <option value="open">{t('issues.filter.open')}</option>
            {ISSUE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`issueStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <IssueSearch value={query} onInput={setQuery} />
        <dl class="stats issues-stats">
          <div>
            <dt>{t('issues.count.open')}</dt>
            <dd data-testid="issues-count-open">{counts.open}</dd>
          </div>
          <div class={counts.overdue > 0 ? 'stat-late' : ''}>
            <dt>{t('issues.count.overdue')}</dt>
            <dd data-testid="issues-count-overdue">{counts.overdue}</dd>
          </div>
          <div>
            <dt>{t('issues.count.mine')}</dt>
            <dd data-testid="issues-count-mine">{counts.mine}</dd>
          </div>
        </dl>
        <button type="button" class="btn btn-accent" data-testid="record-issue" onClick={() => setRecording(true)}>
          {t('issues.record')}
        </button>
      </section>
      <div class={`issues-body ${selected ? 'issues-body-detail' : ''}`}>
        <main class="issues-list">
          {!loaded ? (
            <p class="empty">{t('issues.loading')}</p>
          ) : shown.length === 0 ? (
            <p class="empty" data-testid="issues-empty">
              {query.trim() ? t('issues.search.none', { q: query.trim() }) : t('issues.empty')}
            </p>
          ) : view === 'department' ? (
            byDepartment(shown).map((g) => (
              <section key={g.department ?? 'none'} class="dept-group" data-testid="issues-department-group" data-department={g.department ?? 'none'}>
                <h2>{g.department ? t(`department.${g.department}`) : t('issues.noDepartment')}</h2>
                <ul class="issue-cards">{g.issues.map((i) => card(i, `${g.department ?? 'none'}-${i.id}`))}</ul>
              </section>
            ))
          ) : (
            <ul class="issue-cards">{shown.map((i) => card(i))}</ul>
          )}
        </main>
        {selected && <IssueDetail key={selected.id} issue={selected} me={me} nowMs={nowMs} sending={sending.has(selected.id)} onClose={() => setSelectedId(null)} />}
      </div>
      {recording && (
        <RecordIssueDialog
          onClose={(id) => {
            setRecording(false);
            if (id) setSelectedId(id);
          }}
        />
      )}
    </div>
  );
}
