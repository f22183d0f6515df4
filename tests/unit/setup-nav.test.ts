/**
 * The kiosk's setup screen tells staff where to get a pairing code: the text must name the staff tablet's
 * real button and device kind, as the tablet labels them (English and 简体中文; 繁體 quotes the tablet's
 * Chinese label, the tablet having no Traditional text). The e2e suite checks the button is on the tablet.
 */
import { describe, expect, it } from 'vitest';
import { adminCatalog } from '../../admin/src/i18n/admin.ts';
import { kioskCatalog } from '../../kiosk/src/i18n/kiosk.ts';

describe('kiosk setup text names the tablet\'s pairing control', () => {
  it.each([
    ['en', 'en'],
    ['zh-Hans', 'zh'],
    ['zh-Hant', 'zh'],
  ] as const)('%s names “%s” labels that exist on the tablet', (kiosk, admin) => {
    const intro = kioskCatalog[kiosk]['setup.intro'];
    expect(intro).toContain(adminCatalog[admin]['pair.open']);
    expect(intro).toContain(adminCatalog[admin]['pair.kind.kiosk']);
    expect(intro).not.toMatch(/Devices|“设备”|「裝置」/);
  });
});
