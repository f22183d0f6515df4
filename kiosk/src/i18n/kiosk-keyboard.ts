/** The on-screen keyboard's key labels and names; spread into the kiosk catalog. */
export const keyboardEn = {
  'kbd.label': 'On-screen keyboard',
  'kbd.done': 'Done',
  'kbd.space': 'space',
  'kbd.enter': 'Enter',
  'kbd.newline': 'New line',
  'kbd.backspace': 'Delete',
  'kbd.shift': 'Shift',
  'kbd.letters': 'ABC',
  'kbd.symbols': '123',
  'kbd.pinyin': '拼音',
  'kbd.candidates': 'Characters',
} as const;

type KeyboardKey = keyof typeof keyboardEn;

export const keyboardZhHans: Record<KeyboardKey, string> = {
  'kbd.label': '屏幕键盘',
  'kbd.done': '完成',
  'kbd.space': '空格',
  'kbd.enter': '确定',
  'kbd.newline': '换行',
  'kbd.backspace': '删除',
  'kbd.shift': '大写',
  'kbd.letters': 'ABC',
  'kbd.symbols': '123',
  'kbd.pinyin': '拼音',
  'kbd.candidates': '候选字',
};

export const keyboardZhHant: Record<KeyboardKey, string> = {
  'kbd.label': '螢幕鍵盤',
  'kbd.done': '完成',
  'kbd.space': '空格',
  'kbd.enter': '確定',
  'kbd.newline': '換行',
  'kbd.backspace': '刪除',
  'kbd.shift': '大寫',
  'kbd.letters': 'ABC',
  'kbd.symbols': '123',
  'kbd.pinyin': '拼音',
  'kbd.candidates': '候選字',
};
