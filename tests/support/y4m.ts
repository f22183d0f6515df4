/**
 * Turns a picture into a Y4M video file for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`): the kiosk then "sees" that picture
 * through the real getUserMedia path.
 */
import { writeFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

export interface Rgba {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A QR code as a printed card would show it, centred on a light 640×480 frame, with a little tilt-free blur of a real camera left out. */
export async function qrFrame(text: string, width = 640, height = 480): Promise<Rgba> {
  const png = PNG.sync.read(await QRCode.toBuffer([{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M', version: 5, margin: 4, scale: 9 }));
  const out = new Uint8Array(width * height * 4).fill(235); // off-white paper under lobby light
  const ox = Math.floor((width - png.width) / 2);
  const oy = Math.floor((height - png.height) / 2);
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const tx = x + ox;
      const ty = y + oy;
      if (tx < 0 || ty < 0 || tx >= width || ty >= height) continue;
      const s = (y * png.width + x) * 4;
      const d = (ty * width + tx) * 4;
      out[d] = png.data[s]!;
      out[d + 1] = png.data[s + 1]!;
      out[d + 2] = png.data[s + 2]!;
      out[d + 3] = 255;
    }
  }
  return { data: out, width, height };
}

/** Writes `frames` copies of the picture as 4:2:0 Y4M. */
export async function writeY4m(path: string, img: Rgba, frames = 10): Promise<void> {
  const { width: w, height: h, data } = img;
  const Y = new Uint8Array(w * h);
  const U = new Uint8Array((w / 2) * (h / 2));
  const V = new Uint8Array((w / 2) * (h / 2));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const r = data[i]!;
      const g = data[i + 1]!;
      const b = data[i + 2]!;
      Y[y * w + x] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
      if (y % 2 === 0 && x % 2 === 0) {
        const c = (y / 2) * (w / 2) + x / 2;
        U[c] = Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
        V[c] = Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
      }
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), Y, U, V]);
  await writeFile(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
