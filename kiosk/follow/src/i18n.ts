/**
 * The phone page's own small catalog (en, 简体, 繁體): not the kiosk's, so the page stays small.
 * The language starts as the guest's on the kiosk (FollowView.language) and the guest can switch it.
 */
import { signal } from '@preact/signals';
import { interpolate, type Locale, type Vars } from '../../../shared/i18n/locale.ts';

const en = {
  title: 'Your ticket',
  yourNumber: 'Your number',
  loading: 'Loading your ticket…',
  waiting: 'Please wait — we will call your number',
  ahead: '{n} ahead of you',
  aheadNone: 'You are next',
  waitRange: 'about {low}–{high} min',
  waitUnder: 'under {n} min',
  called: 'Your number {ticket} is called — {desk}',
  calledNoDesk: 'Your number {ticket} is called — please come to the desk',
  calledTitle: '{ticket} called — {desk}',
  calledTitleNoDesk: '{ticket} called',
  desk: 'Desk {desk}',
  serving: 'Being served',
  onHold: 'On hold — please ask at the desk',
  noShow: 'We called your number but missed you — please ask at the desk',
  completed: 'Done — thank you',
  cancelled: 'This ticket was cancelled',
  rateTitle: 'How did we do?',
  rateStar: '{n} of 5 stars',
  rated: 'Thank you for your rating',
  ratedStars: 'You rated {n} of 5',
  rateFailed: 'Your rating could not be sent — please try again',
  claimTitle: 'Your claim code',
  claimHint: 'Show this code or QR at the desk to collect your bags',
  claimQr: 'Claim QR code for {code}',
  bags: '{n} bags',
  bagsOne: '1 bag',
  bagsReady: 'Your bags are ready',
  bagsStored: 'Your bags are in our store room',
  shoeTitle: 'Shoe care',
  shoe_accepted: 'Received',
  shoe_collected: 'Being cared for',
  shoe_ready: 'Ready to collect',
  shoe_returned: 'Returned',
  kind_call_staff: 'Front desk',
  kind_luggage_in: 'Luggage storage',
  kind_luggage_out: 'Luggage pick-up',
  kind_shoe_care: 'Shoe care',
  kind_service: 'Service',
  reconnecting: 'Reconnecting…',
  notYetTitle: 'Your ticket has not reached the desk yet',
  notYetBody: 'This page will keep trying. Your number on the printed ticket is still valid.',
  unknownTitle: 'We cannot find this ticket',
  unknownBody: 'It may have expired. Please ask at the front desk — we are happy to help.',
  language: 'Language',
};
export type FollowKey = keyof typeof en;

const zhHans: Record<FollowKey, string> = {
  title: '您的号码',
  yourNumber: '您的号码',
  loading: '正在读取您的号码…',
  waiting: '请稍候——轮到您时我们会叫号',
  ahead: '前面还有 {n} 位',
  aheadNone: '下一位就是您',
  waitRange: '约 {low}–{high} 分钟',
  waitUnder: '不到 {n} 分钟',
  called: '请 {ticket} 号到 {desk}',
  calledNoDesk: '请 {ticket} 号到前台办理',
  calledTitle: '{ticket} 已叫号 — {desk}',
  calledTitleNoDesk: '{ticket} 已叫号',
  desk: '{desk}号柜台',
  serving: '正在为您服务',
  onHold: '暂停中——请到前台咨询',
  noShow: '已叫过您的号码——请到前台咨询',
  completed: '已完成——谢谢',
  cancelled: '此号码已取消',
  rateTitle: '您对本次服务满意吗？',
  rateStar: '{n} 星（满分 5 星）',
  rated: '感谢您的评价',
  ratedStars: '您的评分：{n}/5',
  rateFailed: '评价未能发送——请再试一次',
  claimTitle: '您的取件码',
  claimHint: '到前台出示此码或二维码即可取回行李',
  claimQr: '取件二维码 {code}',
  bags: '{n} 件行李',
  bagsOne: '1 件行李',
  bagsReady: '您的行李已准备好',
  bagsStored: '您的行李已存放在行李房',
  shoeTitle: '擦鞋服务',
  shoe_accepted: '已收到',
  shoe_collected: '护理中',
  shoe_ready: '可以取回',
  shoe_returned: '已送还',
  kind_call_staff: '前台',
  kind_luggage_in: '行李寄存',
  kind_luggage_out: '行李领取',
  kind_shoe_care: '擦鞋服务',
  kind_service: '服务',
  reconnecting: '正在重新连接…',
  notYetTitle: '您的号码尚未传到前台',
  notYetBody: '本页会继续尝试。您票上的号码仍然有效。',
  unknownTitle: '找不到此号码',
  unknownBody: '它可能已过期。请到前台咨询，我们乐意为您服务。',
  language: '语言',
};

const zhHant: Record<FollowKey, string> = {
  title: '您的號碼',
  yourNumber: '您的號碼',
  loading: '正在讀取您的號碼…',
  waiting: '請稍候——輪到您時我們會叫號',
  ahead: '前面還有 {n} 位',
  aheadNone: '下一位就是您',
  waitRange: '約 {low}–{high} 分鐘',
  waitUnder: '不到 {n} 分鐘',
  called: '請 {ticket} 號到 {desk}',
  calledNoDesk: '請 {ticket} 號到櫃檯辦理',
  calledTitle: '{ticket} 已叫號 — {desk}',
  calledTitleNoDesk: '{ticket} 已叫號',
  desk: '{desk}號櫃檯',
  serving: '正在為您服務',
  onHold: '暫停中——請到櫃檯詢問',
  noShow: '已叫過您的號碼——請到櫃檯詢問',
  completed: '已完成——謝謝',
  cancelled: '此號碼已取消',
  rateTitle: '您對本次服務滿意嗎？',
  rateStar: '{n} 星（滿分 5 星）',
  rated: '感謝您的評價',
  ratedStars: '您的評分：{n}/5',
  rateFailed: '評價未能送出——請再試一次',
  claimTitle: '您的取件碼',
  claimHint: '到櫃檯出示此碼或 QR 碼即可取回行李',
  claimQr: '取件 QR 碼 {code}',
  bags: '{n} 件行李',
  bagsOne: '1 件行李',
  bagsReady: '您的行李已準備好',
  bagsStored: '您的行李已存放在行李房',
  shoeTitle: '擦鞋服務',
  shoe_accepted: '已收到',
  shoe_collected: '護理中',
  shoe_ready: '可以取回',
  shoe_returned: '已送還',
  kind_call_staff: '櫃檯',
  kind_luggage_in: '行李寄存',
  kind_luggage_out: '行李領取',
  kind_shoe_care: '擦鞋服務',
  kind_service: '服務',
  reconnecting: '正在重新連線…',
  notYetTitle: '您的號碼尚未傳到櫃檯',
  notYetBody: '本頁會繼續嘗試。您票上的號碼仍然有效。',
  unknownTitle: '找不到此號碼',
  unknownBody: '它可能已過期。請到櫃檯詢問，我們樂意為您服務。',
  language: '語言',
};

export const catalog: Record<Locale, Record<FollowKey, string>> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

/** null until the view says the kiosk's language, or the guest picks one. */
export const lang = signal<Locale>('en');
const PICKED = 'lobbydesk.follow.lang';

export function t(key: FollowKey, vars?: Vars, l: Locale = lang.value): string {
  return interpolate(catalog[l][key], vars);
}

/** The guest's pick wins over the kiosk's language, on this phone. */
export function pickLanguage(l: Locale): void {
  lang.value = l;
  try {
    localStorage.setItem(PICKED, l);
  } catch {
    /* private mode: the pick lasts this visit */
  }
}

export function startLanguage(fromKiosk: Locale): void {
  let picked: string | null = null;
  try {
    picked = localStorage.getItem(PICKED);
  } catch {
    /* unavailable */
  }
  lang.value = picked && picked in catalog ? (picked as Locale) : fromKiosk;
}
