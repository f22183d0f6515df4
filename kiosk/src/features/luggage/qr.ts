/**
 * The claim QR as an SVG data URL for an <img>: no inline script or style, so
 * it fits the kiosk's CSP. `qrcode` is loaded only when a claim screen opens,
 * keeping it out of the initial bundle (the service worker precaches the
 * chunk, so it works offline).
 */
import { useEffect, useState } from 'preact/hooks';

export async function qrDataUrl(text: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#0f3d3eff', light: '#ffffffff' } });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function useQr(text: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setUrl(null);
    if (text) {
      qrDataUrl(text)
        .then((u) => live && setUrl(u))
        .catch((e: unknown) => console.warn('kiosk: could not draw the QR code', e));
    }
    return () => {
      live = false;
    };
  }, [text]);
  return url;
}
