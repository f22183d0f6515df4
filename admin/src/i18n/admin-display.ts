/** The tablet's "Wall display" settings (hotel name, wall languages), English and Simplified Chinese; spread into the admin catalog. */
export const displayEn = {
  'display.title': 'Wall display',
  'display.hint': 'What the lobby wall shows above the called numbers, and in which languages. Open walls change at once.',
  'display.name': 'Hotel name',
  'display.lang1': 'First language (larger)',
  'display.lang2': 'Second language',
  'display.langNone': 'None',
  'display.save': 'Save',
  'display.saving': 'Saving…',
  'display.saved': 'Saved at {time}. The walls show it now.',
  'display.managerOnly': 'Only a manager can change these.',
  'display.missingName': 'Enter the hotel name.',
  'display.loading': 'Loading…',
} as const;

export const displayZh: Record<keyof typeof displayEn, string> = {
  'display.title': '大厅显示屏',
  'display.hint': '大厅显示屏在叫号上方显示的酒店名称，以及显示的语言。已打开的显示屏会立即更新。',
  'display.name': '酒店名称',
  'display.lang1': '第一语言（较大）',
  'display.lang2': '第二语言',
  'display.langNone': '无',
  'display.save': '保存',
  'display.saving': '正在保存…',
  'display.saved': '已于 {time} 保存，显示屏已更新。',
  'display.managerOnly': '只有经理可以修改这些设置。',
  'display.missingName': '请输入酒店名称。',
  'display.loading': '正在加载…',
};
