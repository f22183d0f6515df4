/**
 * Many rows in one statement: `insert … select … from jsonb_to_recordset($1::jsonb) as r(…)` with the rows as
 * one JSON text, instead of a parameter for every column of every row (a batch of 100 requests was 2,700
 * parameters through the query builder and the driver).
 *
 * jsonb refuses `\u0000` and a lone surrogate's escape, where a text parameter had them replaced on the way
 * (the driver's UTF-8 encoding) or refused as invalid text. The free-text schemas already refuse both
 * (shared/domain/text.ts); here they become U+FFFD as the text path would have made a lone surrogate, so a
 * value that slipped past a schema can never turn a whole batch into a 5xx.
 */
export function jsonRows(rows: readonly object[]): string {
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'string' ? storable(value) : value));
}

function storable(s: string): string {
  const whole = s.isWellFormed() ? s : s.toWellFormed();
  return whole.includes('\u0000') ? whole.replaceAll('\u0000', '\ufffd') : whole;
}
