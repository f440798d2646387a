// The report as one self-contained HTML page with its plots, built from the
// report's data alone (never from markup a webview sends): `imagery report
// --format html` and the report view's Export HTML both call reportHtml, so a
// report made in CI looks like the one made in the editor. The plots are drawn
// by the view's own code (plots.ts) on a linkedom document; every SVG is then
// checked against an allow-list of elements and attributes before it is
// written, and a refusal names what was refused.
import { parseHTML } from 'linkedom';
import { clampText } from './display-text';
import { COLOURS, reportPlots, type PlotSpec } from './plots';
import type { Report } from './report';
import { reportBlocks } from './report-blocks';
import { escapeHtml, standaloneHtml } from './report-format';

/** Plot width in the exported page (its body is at most 72rem wide). */
export const EXPORTED_PLOT_WIDTH = 640;

/** What Observable Plot draws, and nothing else: no foreign content, no link, no event handler. */
const SVG_ELEMENTS = new Set(['svg', 'g', 'path', 'rect', 'line', 'circle', 'text', 'tspan', 'title', 'style']);
const SVG_ATTRIBUTES = new Set(
  'aria-label aria-hidden aria-description class clip-path cx cy d dx dy fill fill-opacity font-family font-size font-variant font-weight height opacity paint-order r stroke stroke-dasharray stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity stroke-width style text-anchor transform viewBox width x x1 x2 xmlns y y1 y2'.split(
    ' ',
  ),
);
/** Values that could fetch or run something, in any attribute or in the <style> text. */
const ACTIVE_VALUE = /url\s*\(|@import|javascript:|expression\s*\(|<\s*\/?\s*[a-z]/i;

/** Thrown when a plot is not plain SVG: the page is not written, and the message says why. */
export class ExportRefused extends Error {}

type Node = { nodeType: number; tagName?: string; childNodes: ArrayLike<Node>; textContent: string | null };
type SvgElement = Node & { tagName: string; attributes: ArrayLike<{ name: string; value: string }> };

/** Throws ExportRefused naming the first element, attribute or value outside the allow-list. */
export function checkPlainSvg(svg: SvgElement, plot: string): void {
  const refuse = (what: string) => {
    throw new ExportRefused(`The plot "${plot}" was not exported: ${what} is not allowed in an exported plot.`);
  };
  const visit = (node: Node): void => {
    if (node.nodeType === 3) return; // text: serialised escaped
    if (node.nodeType !== 1) refuse(`a node of type ${node.nodeType}`);
    const element = node as SvgElement;
    const tag = element.tagName.toLowerCase();
    if (!SVG_ELEMENTS.has(tag)) refuse(`the element <${clampText(tag, 40)}>`);
    for (const { name, value } of Array.from(element.attributes)) {
      if (!SVG_ATTRIBUTES.has(name)) refuse(`the attribute ${clampText(name, 40)} on <${tag}>`);
      if (ACTIVE_VALUE.test(value)) refuse(`the value of ${name} on <${tag}>`);
    }
    if (tag === 'style' && ACTIVE_VALUE.test(element.textContent ?? '')) refuse('a style sheet that loads or runs something');
    Array.from(element.childNodes).forEach(visit);
  };
  visit(svg);
}

/** The plots as <figure>s: caption, legend, the SVG (checked), and the plot's reading as text. */
export function plotFiguresHtml(report: Report, width = EXPORTED_PLOT_WIDTH): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as { document: unknown };
  const figures = reportPlots(report, width, document as unknown as Parameters<typeof reportPlots>[2]).map((plot) =>
    figureHtml(plot),
  );
  return `<section class="plots" aria-label="Plots">\n${figures.join('\n')}\n</section>\n`;
}

function figureHtml(plot: PlotSpec): string {
  const legend = plot.legend?.length
    ? `<div class="legend">${plot.legend
        .map(
          (entry) =>
            `<span title="${escapeHtml(entry.label)}"><span class="swatch c${entry.colour}"></span>${escapeHtml(clampText(entry.label, 40))}</span>`,
        )
        .join(' ')}</div>\n`
    : '';
  let svg = '<p class="muted">No data yet.</p>';
  if (plot.svg) {
    const element = plot.svg as unknown as SvgElement & { outerHTML: string };
    checkPlainSvg(element, plot.title);
    svg = element.outerHTML;
  }
  return (
    `<figure data-plot="${plot.id}">\n<figcaption>${escapeHtml(plot.title)}</figcaption>\n${legend}${svg}\n` +
    `<p class="muted">${escapeHtml(plot.description)}</p>\n</figure>`
  );
}

/** The legend swatches' colours, by class (the page allows inline styles, but one rule per colour reads better). */
export const PLOT_CSS =
  COLOURS.map((colour, i) => `.swatch.c${i}{background:${colour}}`).join('') +
  '.legend{display:flex;gap:12px;flex-wrap:wrap;margin:2px 0 4px}' +
  '.swatch{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}' +
  '.muted{color:var(--vscode-descriptionForeground)}figcaption{font-weight:600}';

/** The whole page: the heading and its introduction, the plots, then every table of the report. */
export function reportHtml(report: Report): string {
  return standaloneHtml(reportBlocks(report), 'Validation report', plotFiguresHtml(report), PLOT_CSS, 2);
}
