// Where a plot's marks really are, read from the page Chromium laid out: each
// mark's box and title, and each axis's tick labels with their positions, so
// a test can say where a value must be drawn (from two ticks of a linear
// axis) without trusting Plot's own scales. Used on the report view and on
// the exported page alike.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
export interface Mark extends Box {
  kind: string;
  title: string;
}
export interface Tick {
  value: number;
  /** Centre of the tick label along its axis (x for the x axis, y for the y axis). */
  at: number;
}
export interface PlotGeometry {
  svg: Box;
  marks: Mark[];
  xTicks: Tick[];
  yTicks: Tick[];
}

/** Reads plot `id` (a figure[data-plot]) in the report view's shadow root, or in the document (the exported page). */
export async function plotGeometry(page: Page, id: string, inReportView: boolean): Promise<PlotGeometry> {
  // Source text, not a function: the test runner's transform would add helpers the page does not have.
  return page.evaluate(`(${READ_PLOT})(${JSON.stringify(id)}, ${inReportView})`);
}

const READ_PLOT = `(id, inReportView) => {
  const root = inReportView ? document.querySelector('ia-report').shadowRoot : document;
  const svg = root.querySelector('figure[data-plot="' + id + '"] svg');
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  };
  const selector = ['bar"] rect', 'dot"] circle', 'rule"] line', 'tick"] line', 'line"] path'].map((s) => 'g[aria-label="' + s).join(', ');
  const marks = [...svg.querySelectorAll(selector)].map((element) => ({
    kind: element.parentElement.closest('[aria-label]').getAttribute('aria-label'),
    title: element.querySelector('title')?.textContent ?? '',
    ...box(element),
  }));
  const ticks = (axis) =>
    [...svg.querySelectorAll('g[aria-label="' + axis + '-axis tick label"] text')].flatMap((text) => {
      const value = Number((text.textContent ?? '').replace('\u2212', '-').replace(/,/g, ''));
      if (!Number.isFinite(value)) return [];
      const r = text.getBoundingClientRect();
      return [{ value, at: axis === 'x' ? (r.left + r.right) / 2 : (r.top + r.bottom) / 2 }];
    });
  return { svg: box(svg), marks, xTicks: ticks('x'), yTicks: ticks('y') };
}`;

/** Where `value` lies on a linear axis, from its first and last tick labels. */
export function position(ticks: readonly Tick[], value: number): number {
  assert.ok(ticks.length >= 2, 'the axis has two numeric tick labels');
  const [a, b] = [ticks[0], ticks[ticks.length - 1]];
  return a.at + ((value - a.value) / (b.value - a.value)) * (b.at - a.at);
}

/** Asserts `inner` lies inside `outer` (1 px of anti-aliasing allowed). */
export function assertInside(inner: Box, outer: Box, what: string): void {
  const ok =
    inner.left >= outer.left - 1 &&
    inner.right <= outer.right + 1 &&
    inner.top >= outer.top - 1 &&
    inner.bottom <= outer.bottom + 1;
  assert.ok(ok, `${what} at ${JSON.stringify(inner)} lies outside ${JSON.stringify(outer)}`);
}

/** Asserts two pixel positions agree within `tolerance` (a tick label's centre is rounded by text layout). */
export function assertNear(actual: number, expected: number, what: string, tolerance = 1.5): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: drawn at ${actual.toFixed(1)}, expected ${expected.toFixed(1)}`);
}
