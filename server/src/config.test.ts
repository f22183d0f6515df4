import { describe, expect, it } from 'vitest';
import { loadConfig, parsePublicBaseUrl } from './config.ts';

describe('LOBBYDESK_PUBLIC_URL', () => {
  it('keeps an http(s) origin, without a trailing slash, and is off when unset', () => {
    expect(parsePublicBaseUrl(undefined)).toBeNull();
    expect(parsePublicBaseUrl('  ')).toBeNull();
    expect(parsePublicBaseUrl('https://desk.hotel.com')).toBe('https://desk.hotel.com');
    expect(parsePublicBaseUrl('https://desk.hotel.com/')).toBe('https://desk.hotel.com');
    expect(parsePublicBaseUrl('http://10.0.0.5:8080')).toBe('http://10.0.0.5:8080');
    expect(loadConfig({ LOBBYDESK_PUBLIC_URL: 'https://Desk.Hotel.com/' }).publicBaseUrl).toBe('https://desk.hotel.com');
  });

  it('stops the start on anything else, saying why', () => {
    for (const bad of ['desk.hotel.com', 'ftp://desk.hotel.com', 'https://u:p@desk.hotel.com', 'https://desk.hotel.com/t/', 'https://desk.hotel.com/desk', 'https://desk.hotel.com/?x=1', 'https://desk.hotel.com/#a', 'javascript:alert(1)']) {
      expect(() => parsePublicBaseUrl(bad), bad).toThrow(/LOBBYDESK_PUBLIC_URL/);
    }
  });
});
