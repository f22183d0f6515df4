/** The board's text for kiosk complaints: the guest's reference, the search, and the "guest left no contact" follow-up. */
export const complaintsEn = {
  'issueAction.no_contact': 'Guest left no contact',
  'issues.reference': 'Ref. {ref}',
  'issues.referenceLabel': 'Reference',
  'issues.search': 'Search',
  'issues.search.placeholder': 'Reference, guest, room or text',
  'issues.search.none': 'Nothing matches “{q}”.',
  'issues.guestDetails': 'Guest’s details',
  'noContact.title': 'The guest cannot be reached',
  'noContact.body': 'The guest left no contact and no room, so no follow-up call or visit is possible. Record that as the follow-up; the complaint can then be closed.',
  'noContact.submit': 'Record: guest left no contact',
  'noContact.done': 'Guest left no contact — recorded at {time} by {name}',
} as const;

export type ComplaintsKey = keyof typeof complaintsEn;

export const complaintsZh: Record<ComplaintsKey, string> = {
  'issueAction.no_contact': '客人未留联系方式',
  'issues.reference': '编号 {ref}',
  'issues.referenceLabel': '投诉编号',
  'issues.search': '搜索',
  'issues.search.placeholder': '编号、客人、房间或内容',
  'issues.search.none': '没有与“{q}”匹配的投诉。',
  'issues.guestDetails': '客人信息',
  'noContact.title': '无法联系客人',
  'noContact.body': '客人未留联系方式和房间号，无法回访。请将此记录为回访结果，之后即可结案。',
  'noContact.submit': '记录：客人未留联系方式',
  'noContact.done': '客人未留联系方式 — {name} 于 {time} 记录',
};
