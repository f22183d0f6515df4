/**
 * Wall display labels. The wall is read from across a lobby by guests of any
 * language, so every label is shown in both languages side by side.
 */
import type { RequestKind } from '../domain/request.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

export const wallText = {
  nowCalling: { zh: '正在叫号', en: 'Now calling' },
  pleaseGoTo: { zh: '请到', en: 'Please go to' },
  desk: { zh: '号柜台', en: 'Desk' },
  recentlyCalled: { zh: '最近叫号', en: 'Recently called' },
  waiting: { zh: '等候中', en: 'Waiting' },
  nobodyCalled: { zh: '暂无叫号', en: 'No ticket called yet' },
  noneWaiting: { zh: '无人等候', en: 'Nobody waiting' },
  live: { zh: '在线', en: 'Live' },
  connecting: { zh: '正在连接', en: 'Connecting' },
  reconnectingSince: { zh: '重新连接中，自', en: 'Reconnecting since' },
  notPairedTitle: { zh: '此显示屏尚未配对', en: 'This display is not paired' },
  notPairedHint: {
    zh: '请输入员工平板上生成的“大厅显示屏”配对码，或用服务器给出的显示屏链接打开此页面。',
    en: 'Enter a wall-display pairing code from the staff tablet, or open the display link the server prints.',
  },
  pairCode: { zh: '配对码', en: 'Pairing code' },
  pairSubmit: { zh: '配对', en: 'Pair' },
  pairInvalid: { zh: '配对码无效、已使用或已过期', en: 'The code is unknown, used or expired' },
  pairWrongKind: { zh: '这是自助机的配对码，请生成“大厅显示屏”配对码', en: 'That code is for a kiosk — create a wall-display code' },
  pairNetwork: { zh: '无法连接服务器', en: 'Cannot reach the server' },
  revoked: { zh: '显示屏授权已失效，请重新配对', en: 'Display access was revoked — pair it again' },
  more: { zh: '另有', en: 'more' },
  readAloud: { zh: '语音播报', en: 'Read calls aloud' },
} as const satisfies Record<string, Bilingual>;

export type WallKey = keyof typeof wallText;

export const wallKindText: Record<RequestKind, Bilingual> = {
  call_staff: { zh: '业务咨询', en: 'Consultation' },
  luggage_in: { zh: '行李寄存', en: 'Luggage drop-off' },
  luggage_out: { zh: '行李提取', en: 'Luggage pick-up' },
  shoe_care: { zh: '擦鞋服务', en: 'Shoe care' },
};
