/** Pairing codes are 8 letters or digits, made by staff in the admin app. */
export const PAIRING_CODE_LENGTH = 8;

/** What the guest typed, as the server wants it: upper case, letters and digits only, at most 8. */
export function normalizeCode(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, PAIRING_CODE_LENGTH);
}

export function isCompleteCode(code: string): boolean {
  return /^[A-Z0-9]{8}$/.test(code);
}

export const KEYPAD_KEYS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
