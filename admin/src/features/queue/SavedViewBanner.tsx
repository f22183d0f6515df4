import { clockTime, locale, t } from '../../i18n/i18n.ts';
import { cachedAsOf, hasData, serverUnreachable, snapshotLoaded } from '../../sync/queries.ts';

/** "14:05:09", or "3 May 14:05" when the copy is from another day. */
function asOf(iso: string): string {
  const d = new Date(iso);
  if (d.toDateString() === new Date().toDateString()) return clockTime(iso, true);
  return `${d.toLocaleDateString(locale.value === 'zh' ? 'zh-CN' : 'en-GB', { month: 'short', day: 'numeric' })} ${clockTime(iso)}`;
}

/**
 * Says the screen shows the copy saved on this tablet, not the server's: the
 * tablet started without the server (`offline`, from the session) or cannot
 * reach it, and this session has had no snapshot yet. Gone once it has.
 */
export function SavedViewBanner({ offline = false }: { offline?: boolean }) {
  if (snapshotLoaded.value || !(offline || serverUnreachable.value)) return null;
  const at = cachedAsOf.value;
  return (
    <div class="banner banner-warn" role="status" data-testid="saved-view" data-as-of={at ?? ''}>
      {at && hasData.value ? t('saved.asOf', { time: asOf(at) }) : t('login.offlineCached')}
    </div>
  );
}
