/** A label in each of the wall's languages, side by side: the first language large, the second quieter. */
import { deskText, isDeskNumber, WALL_HTML_LANG, wallString, type WallString } from './i18n/wall.ts';
import type { Locale, Vars } from '../../../shared/i18n/locale.ts';
import { wallLanguages } from './languages.ts';

function Each({ class: cls, render }: { class?: string; render: (l: Locale) => string }) {
  const langs = wallLanguages.value;
  return (
    <span class={`bi ${langs.length === 1 ? 'mono' : ''} ${cls ?? ''}`}>
      {langs.map((l, i) => (
        <span key={l} class={i === 0 ? 'l1' : 'l2'} lang={WALL_HTML_LANG[l]}>
          {render(l)}
        </span>
      ))}
    </span>
  );
}

export function Label({ text, vars, class: cls }: { text: WallString; vars?: Vars; class?: string }) {
  return <Each class={cls} render={(l) => wallString(text, l, vars)} />;
}

/** "1号柜台 Desk 1"; a named desk once, as staff typed it; nothing when the ticket has no desk. */
export function Desk({ desk }: { desk: string | null }) {
  if (!desk) return null;
  if (!isDeskNumber(desk)) return <span class="bi mono desk">{desk.trim()}</span>;
  return <Each class="desk" render={(l) => deskText(desk, l)} />;
}
