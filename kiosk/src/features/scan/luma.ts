/**
 * Grayscale image helpers for the decoder: pure functions over 8-bit luma
 * planes, no DOM and no zxing, so they run the same in the worker and in Node.
 */

/** A camera frame as `ImageData` carries it: RGBA (4 bytes a pixel) or already grayscale (1 byte). */
export interface Frame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** One byte of luminance per pixel, row by row. */
export interface Luma {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * RGBA or gray → luma. Green-weighted (r + 2g + b) / 4 like zxing's own
 * sources; transparent pixels are composited on white (a QR on a transparent
 * background is dark modules on "nothing", i.e. on white).
 */
export function toLuma(frame: Frame): Luma {
  const { data, width, height } = frame;
  const n = width * height;
  if (!(width > 0 && height > 0) || !Number.isInteger(width) || !Number.isInteger(height)) {
    throw new RangeError(`bad frame size ${width}×${height}`);
  }
  if (data.length === n) return { data, width, height };
  if (data.length !== n * 4) throw new RangeError(`frame of ${width}×${height} has ${data.length} bytes; expected ${n} or ${n * 4}`);
  const out = new Uint8ClampedArray(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const l = (data[j]! + 2 * data[j + 1]! + data[j + 2]!) >> 2;
    const a = data[j + 3]!;
    out[i] = a === 255 ? l : (l * a + 255 * (255 - a)) / 255;
  }
  return { data: out, width, height };
}

/** Quarter turn clockwise. */
export function rotate90(img: Luma): Luma {
  const { data, width: w, height: h } = img;
  const out = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const col = h - 1 - y;
    for (let x = 0; x < w; x++) out[x * h + col] = data[row + x]!;
  }
  return { data: out, width: h, height: w };
}

/** Half turn: the pixels in reverse order. */
export function rotate180(img: Luma): Luma {
  return { data: img.data.slice().reverse(), width: img.width, height: img.height };
}

/** Shrinks by an integer factor, averaging each factor×factor box (a cheap low-pass too). */
export function downscale(img: Luma, factor: number): Luma {
  const { data, width: w } = img;
  const W = Math.floor(img.width / factor);
  const H = Math.floor(img.height / factor);
  const out = new Uint8ClampedArray(W * H);
  const area = factor * factor;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * w + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += data[row + dx]!;
      }
      out[y * W + x] = sum / area;
    }
  }
  return { data: out, width: W, height: H };
}

/** Grows by an integer factor, bilinear, so thin modules get enough pixels for the finder-pattern scan. */
export function upscale(img: Luma, factor: number): Luma {
  const { data, width: w, height: h } = img;
  const W = w * factor;
  const H = h * factor;
  const out = new Uint8ClampedArray(W * H);
  for (let y = 0; y < H; y++) {
    const sy = Math.min(h - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(h - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < W; x++) {
      const sx = Math.min(w - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(w - 1, x0 + 1);
      const fx = sx - x0;
      const top = data[y0 * w + x0]! * (1 - fx) + data[y0 * w + x1]! * fx;
      const bottom = data[y1 * w + x0]! * (1 - fx) + data[y1 * w + x1]! * fx;
      out[y * W + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { data: out, width: W, height: H };
}

/** The centred `fraction` of the image (a code held up in the middle of a busy frame). */
export function centerCrop(img: Luma, fraction: number): Luma {
  const W = Math.round(img.width * fraction);
  const H = Math.round(img.height * fraction);
  const x0 = (img.width - W) >> 1;
  const y0 = (img.height - H) >> 1;
  const out = new Uint8ClampedArray(W * H);
  for (let y = 0; y < H; y++) {
    const from = (y + y0) * img.width + x0;
    out.set(img.data.subarray(from, from + W), y * W);
  }
  return { data: out, width: W, height: H };
}
