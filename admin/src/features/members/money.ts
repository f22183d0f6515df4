/** Money on the tablet: integer minor units (fen) in, "¥1,234.50" out (the same grouping in English and Chinese); typed yuan back to minor units. */
export function formatMoney(minor: number): string {
  const sign = minor < 0 ? '−' : '';
  const abs = Math.abs(minor) / 100;
  return `${sign}¥${abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "12.5" → 1250; null when it is not a number with at most two decimals. */
export function parseMoney(text: string): number | null {
  const t = text.trim().replace(/[,，\s¥]/g, '').replace('−', '-');
  if (!/^-?\d{1,7}(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

/** Points on the tablet: 5000 → "5,000" (the same grouping in English and Chinese). */
export function formatPoints(n: number): string {
  return n.toLocaleString('en-US');
}

/** Typed points: "" → 0, "-1,500" → −1500; null when not a whole number (at most nine digits). */
export function parsePoints(text: string): number | null {
  const t = text.trim().replace(/[,，\s]/g, '').replace('−', '-');
  if (t === '') return 0;
  if (!/^[-+]?\d{1,9}$/.test(t)) return null;
  return Number(t);
}
