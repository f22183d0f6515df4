/**
 * The wait quoted to a guest when a ticket is taken. The one definition lives in
 * shared/domain/wait-estimate.ts (the server's follow view quotes from the same formula);
 * this file keeps the kiosk's imports where they were.
 */
export * from '../../../../shared/domain/wait-estimate.ts';
