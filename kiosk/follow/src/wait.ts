/** "about 5–10 min" from a wait range in seconds (whole minutes, at least 1; a range that rounds to one figure reads "under N min"). */
export function waitWords(lowS: number, highS: number): { kind: 'range'; low: number; high: number } | { kind: 'under'; n: number } {
  const low = Math.max(1, Math.round(lowS / 60));
  const high = Math.max(low, Math.ceil(highS / 60));
  return low === high || lowS === 0 ? { kind: 'under', n: Math.max(1, high) } : { kind: 'range', low, high };
}
