import { t } from '../../i18n/i18n.ts';

/** The board's search: a guest's complaint reference as they read it out, or a name, room, contact or words of the complaint. */
export function IssueSearch({ value, onInput }: { value: string; onInput: (q: string) => void }) {
  return (
    <label class="issues-search">
      <span>{t('issues.search')}</span>
      <input type="search" data-testid="issues-search" maxLength={80} autocomplete="off" spellcheck={false} placeholder={t('issues.search.placeholder')} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
    </label>
  );
}
