// The toolbar's "reviewed" bar as drawn, pixel by pixel, under VS Code's four
// default themes: the reviewed part in the theme's progress colour from the
// left, the rest a faint track. (Chromium's own track is light grey whatever
// the theme: under Dark Modern an empty bar looked full.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { openHarness, type Harness } from './harness';
import { THEME_NAMES, themeColors } from './themes';

type Rgb = [number, number, number];

const hex = (colour: string): Rgb => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as Rgb;

/** The WCAG contrast ratio of two colours. */
function contrast(a: Rgb, b: Rgb): number {
  const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const luminance = ([r, g, b]: Rgb) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const near = (a: Rgb, b: Rgb) => a.every((v, i) => Math.abs(v - b[i]) <= 3);

/** The bar's middle row, left to right, and the toolbar's colour just above the bar. */
async function drawnBar(h: Harness, reviewed: number, total: number): Promise<{ row: Rgb[]; behind: Rgb }> {
  await h.send({ type: 'progress', progress: { reviewed, total, invalid: 0, corrected: 0 } });
  const bar = h.page.locator('ia-toolbar progress');
  await h.page.waitForFunction(
    `document.querySelector('ia-app').shadowRoot.querySelector('ia-toolbar').shadowRoot.querySelector('progress')?.value === ${reviewed}`,
  );
  const box = (await bar.boundingBox())!;
  const clip = { x: Math.floor(box.x), y: Math.floor(box.y) - 3, width: Math.ceil(box.width), height: Math.ceil(box.height) + 3 };
  const png = PNG.sync.read(await h.page.screenshot({ clip }));
  const at = (x: number, y: number): Rgb => {
    const i = (png.width * y + x) * 4;
    return [png.data[i], png.data[i + 1], png.data[i + 2]];
  };
  const middle = 3 + Math.floor(box.height / 2);
  // Two pixels in from each end: the ends are rounded.
  const row = Array.from({ length: png.width - 4 }, (_, x) => at(x + 2, middle));
  return { row, behind: at(Math.floor(png.width / 2), 0) };
}

for (const theme of THEME_NAMES) {
  describe(`the reviewed bar under ${theme}`, () => {
    it('empty, it is a faint track; half reviewed, its left half is the progress colour and its right half the track', async () => {
      const fill = hex(themeColors(theme).variables['--vscode-progressBar-background']);
      const h = await openHarness({ theme });
      try {
        await h.send(initMessage());
        await h.send(showMessage(makeRecord()));
        const empty = await drawnBar(h, 0, 4);
        for (const pixel of empty.row) {
          assert.ok(!near(pixel, fill), `an empty bar shows no progress colour (${pixel})`);
          const ratio = contrast(pixel, empty.behind);
          assert.ok(ratio >= 1.1 && ratio <= 3, `the track against the toolbar ${empty.behind}: ${pixel}, ${ratio.toFixed(2)}:1`);
        }
        const half = await drawnBar(h, 2, 4);
        const width = half.row.length;
        const left = half.row.slice(0, Math.floor(width * 0.45));
        const right = half.row.slice(Math.ceil(width * 0.55));
        assert.deepEqual(
          left.filter((pixel) => !near(pixel, fill)),
          [],
          'the reviewed half is the progress colour',
        );
        assert.deepEqual(right, empty.row.slice(Math.ceil(width * 0.55)), 'the rest is the empty track');
      } finally {
        await h.close();
      }
    });
  });
}
