/**
 * Wall display text in every locale. The wall is read from across a lobby by
 * guests of any language, so it shows each label in the property's chosen
 * wall languages side by side (one or two of them, in order: see
 * `shared/protocol/display.ts`). Placeholders are `{name}`.
 */
import type { RequestKind } from '../../../../shared/domain/request.ts';
import { interpolate, type Locale, type Vars } from '../../../../shared/i18n/locale.ts';

export type WallString = Record<Locale, string>;

export const wallText = {
  nowCalling: { en: 'Now calling', 'zh-Hans': '正在叫号', 'zh-Hant': '正在叫號' },
  pleaseGoTo: { en: 'Please go to', 'zh-Hans': '请到', 'zh-Hant': '請到' },
  /** A desk as staff numbered it: "Desk 1" / "1号柜台" / "1號櫃檯". */
  desk: { en: 'Desk {desk}', 'zh-Hans': '{desk}号柜台', 'zh-Hant': '{desk}號櫃檯' },
  recentlyCalled: { en: 'Recently called', 'zh-Hans': '最近叫号', 'zh-Hant': '最近叫號' },
  waiting: { en: 'Waiting', 'zh-Hans': '等候中', 'zh-Hant': '等候中' },
  nobodyCalled: { en: 'No ticket called yet', 'zh-Hans': '暂无叫号', 'zh-Hant': '暫無叫號' },
  noneWaiting: { en: 'Nobody waiting', 'zh-Hans': '无人等候', 'zh-Hant': '無人等候' },
  live: { en: 'Live', 'zh-Hans': '在线', 'zh-Hant': '線上' },
  connecting: { en: 'Connecting', 'zh-Hans': '正在连接', 'zh-Hant': '正在連線' },
  reconnecting: { en: 'Reconnecting', 'zh-Hans': '正在重新连接', 'zh-Hant': '正在重新連線' },
  /** Shown over dimmed content while the wall cannot reach the server. */
  lastUpdated: { en: 'Last updated {time}', 'zh-Hans': '最后更新 {time}', 'zh-Hant': '最後更新 {time}' },
  staleHint: {
    en: 'Not connected — this may not be current',
    'zh-Hans': '连接中断，以下内容可能不是最新',
    'zh-Hant': '連線中斷，以下內容可能不是最新',
  },
  neverUpdated: { en: 'Waiting for the server', 'zh-Hans': '正在等待服务器', 'zh-Hant': '正在等待伺服器' },
  notPairedTitle: { en: 'This display is not paired', 'zh-Hans': '此显示屏尚未配对', 'zh-Hant': '此顯示屏尚未配對' },
  notPairedHint: {
    en: 'Enter a wall-display pairing code from the staff tablet, or open the display link the server prints.',
    'zh-Hans': '请输入员工平板上生成的“大厅显示屏”配对码，或用服务器给出的显示屏链接打开此页面。',
    'zh-Hant': '請輸入員工平板上產生的「大廳顯示屏」配對碼，或用伺服器給出的顯示屏連結開啟此頁面。',
  },
  pairCode: { en: 'Pairing code', 'zh-Hans': '配对码', 'zh-Hant': '配對碼' },
  pairSubmit: { en: 'Pair', 'zh-Hans': '配对', 'zh-Hant': '配對' },
  pairInvalid: { en: 'The code is unknown, used or expired', 'zh-Hans': '配对码无效、已使用或已过期', 'zh-Hant': '配對碼無效、已使用或已過期' },
  pairWrongKind: {
    en: 'That code is for a kiosk — create a wall-display code',
    'zh-Hans': '这是自助机的配对码，请生成“大厅显示屏”配对码',
    'zh-Hant': '這是自助機的配對碼，請產生「大廳顯示屏」配對碼',
  },
  pairNetwork: { en: 'Cannot reach the server', 'zh-Hans': '无法连接服务器', 'zh-Hant': '無法連線伺服器' },
  revoked: { en: 'Display access was revoked — pair it again', 'zh-Hans': '显示屏授权已失效，请重新配对', 'zh-Hant': '顯示屏授權已失效，請重新配對' },
  /** After as many tickets as fit: "+12 more". */
  more: { en: '+{n} more', 'zh-Hans': '另有 {n} 个', 'zh-Hant': '另有 {n} 個' },
  readAloud: { en: 'Read calls aloud', 'zh-Hans': '语音播报', 'zh-Hant': '語音播報' },
} as const satisfies Record<string, WallString>;

export type WallKey = keyof typeof wallText;

export const wallKindText: Record<RequestKind, WallString> = {
  call_staff: { en: 'Consultation', 'zh-Hans': '业务咨询', 'zh-Hant': '業務諮詢' },
  luggage_in: { en: 'Luggage drop-off', 'zh-Hans': '行李寄存', 'zh-Hant': '行李寄存' },
  luggage_out: { en: 'Luggage pick-up', 'zh-Hans': '行李提取', 'zh-Hant': '行李提取' },
  shoe_care: { en: 'Shoe care', 'zh-Hans': '擦鞋服务', 'zh-Hant': '擦鞋服務' },
  /** A catalog service's ticket shows the service's own names; this only when the wall does not know the service. */
  service: { en: 'Service', 'zh-Hans': '服务', 'zh-Hant': '服務' },
};

/** The HTML `lang` of each locale, so the browser picks the right CJK glyphs. */
export const WALL_HTML_LANG: Record<Locale, string> = { en: 'en', 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW' };

/** A label in one locale, placeholders filled. */
export function wallString(s: WallString, locale: Locale, vars?: Vars): string {
  return interpolate(s[locale], vars);
}

/**
 * A desk as the wall says it. Staff give desks short numbers ("3", "2B"):
 * those read "Desk 3" / "3号柜台"; anything longer (a named counter) is shown
 * as staff typed it.
 */
export function deskText(desk: string, locale: Locale): string {
  const d = desk.trim();
  return isDeskNumber(d) ? wallString(wallText.desk, locale, { desk: d }) : d;
}

/** A short desk number ("3", "2B") that the wall words per language; anything else is a name. */
export function isDeskNumber(desk: string): boolean {
  return /^[0-9A-Za-z]{1,4}$/.test(desk.trim());
}
