// Small synthetic stand-in images (gradients and simple shapes) drawn with
// pngjs: enough for the editor to show real pictures, a few KB each.
import { PNG } from 'pngjs';

export type Rgb = readonly [number, number, number];
export type Shape = 'sun' | 'stripes' | 'rings' | 'none';

export interface Drawing {
  width: number;
  height: number;
  /** Vertical gradient from top to bottom colour. */
  top: Rgb;
  bottom: Rgb;
  shape: Shape;
  accent: Rgb;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((c) => Math.round(a[c] + (b[c] - a[c]) * t)) as unknown as Rgb;
}

/** Whether the shape covers pixel (x, y). */
function covers(drawing: Drawing, x: number, y: number): boolean {
  const { width, height, shape } = drawing;
  const dx = x - width * 0.65;
  const dy = y - height * 0.4;
  const radius = Math.min(width, height) * 0.2;
  switch (shape) {
    case 'sun':
      return dx * dx + dy * dy < radius * radius;
    case 'stripes':
      return y > height * 0.6 && Math.floor(x / 8) % 2 === 0;
    case 'rings':
      return Math.floor(Math.sqrt(dx * dx + dy * dy) / 6) % 2 === 0;
    case 'none':
      return false;
  }
}

/** PNG bytes of the drawing (RGB, no alpha, best compression). */
export function drawPng(drawing: Drawing): Buffer {
  const png = new PNG({ width: drawing.width, height: drawing.height, colorType: 2 });
  for (let y = 0; y < drawing.height; y++) {
    const row = mix(drawing.top, drawing.bottom, y / (drawing.height - 1));
    for (let x = 0; x < drawing.width; x++) {
      const colour = covers(drawing, x, y) ? drawing.accent : row;
      const offset = (y * drawing.width + x) * 4;
      png.data[offset] = colour[0];
      png.data[offset + 1] = colour[1];
      png.data[offset + 2] = colour[2];
      png.data[offset + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 2, deflateLevel: 9 });
}
