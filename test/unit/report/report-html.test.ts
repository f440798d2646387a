// The exported page is built from the report's data: the view sends no markup
// (the protocol drops any), and every plot's SVG passes an allow-list of
// elements, attributes and values before it is written; a refusal names what
// it refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { COLOURS } from '../../../src/core/report/plots';
import { checkPlainSvg, ExportRefused, PLOT_CSS, reportHtml } from '../../../src/core/report/report-html';
import { STANDALONE_CSS } from '../../../src/core/report/report-format';
import { loadReportData } from '../../../src/core/report/load';
import { buildReport } from '../../../src/core/report/report';
import { ReportToHost } from '../../../src/protocol';
import { makeTempDir } from '../annotations/temp';
import { writeFixture } from './fixture';

const svgOf = (markup: string) =>
  (
    parseHTML(`<!doctype html><html><body>${markup}</body></html>`) as unknown as {
      document: { querySelector(s: string): unknown };
    }
  ).document.querySelector('svg') as unknown as Parameters<typeof checkPlainSvg>[0];

const refusal = (markup: string): string => {
  try {
    checkPlainSvg(svgOf(markup), 'Models');
  } catch (error) {
    assert.ok(error instanceof ExportRefused, String(error));
    return error.message;
  }
  return 'accepted';
};

test('the view cannot put markup into the exported page: an exportReport message keeps no plots', () => {
  const parsed = ReportToHost.parse({
    type: 'exportReport',
    format: 'html',
    plots: [{ title: 'x', svg: '<svg><img src=x onerror=alert(1)></svg>' }],
  });
  assert.deepEqual(parsed, { type: 'exportReport', format: 'html' });
});

test('the allow-list refuses what the old blacklist let through, naming it', () => {
  assert.equal(
    refusal('<svg><img src=x onerror=alert(1)></svg>'),
    'The plot "Models" was not exported: the element <img> is not allowed in an exported plot.',
  );
  assert.equal(
    refusal('<svg><meta http-equiv=refresh content="0;url=https://example.com"></svg>'),
    'The plot "Models" was not exported: the element <meta> is not allowed in an exported plot.',
  );
  assert.equal(
    refusal('<svg><rect onload="alert(1)"></rect></svg>'),
    'The plot "Models" was not exported: the attribute onload on <rect> is not allowed in an exported plot.',
  );
  assert.equal(
    refusal('<svg><rect fill="url(https://example.com/x)"></rect></svg>'),
    'The plot "Models" was not exported: the value of fill on <rect> is not allowed in an exported plot.',
  );
  assert.equal(
    refusal('<svg><style>@import "https://example.com/x.css";</style></svg>'),
    'The plot "Models" was not exported: a style sheet that loads or runs something is not allowed in an exported plot.',
  );
  assert.equal(
    refusal('<svg><g aria-label="bar"><rect x="1" y="2"><title>&lt;img onerror&gt;</title></rect></g></svg>'),
    'accepted',
  );
});

test('every plot Plot draws for a report passes the allow-list, and names stay text', async (t) => {
  const dir = makeTempDir(t, 'imagery-report-html-');
  const names = { ana: 'Mia online=yes <img src=x onerror=alert(1)>', ben: 'Sam (JavaScript: The Good Parts fan)' };
  const report = buildReport(await loadReportData([await writeFixture(dir, names)]));
  const html = reportHtml(report);
  assert.equal((html.match(/<svg /g) ?? []).length, 5);
  assert.doesNotMatch(html, /<img|<script|<meta http-equiv="?refresh/i);
  assert.ok(html.includes('<title>Mia online=yes &lt;img src=x onerror=alert(1)&gt;</title>'), 'the line title is escaped text');
});

test('the allow-list refuses every spelling of an active value, and any node that is not an element or text', () => {
  const value = (text: string) => refusal(`<svg><rect fill="${text}"></rect></svg>`);
  for (const text of ['url (x)', 'URL(x)', 'expression(x)', 'expression (x)', '&lt;a', '&lt; /a', '&lt;/ a', '&lt;/a'])
    assert.equal(
      value(text),
      'The plot "Models" was not exported: the value of fill on <rect> is not allowed in an exported plot.',
      text,
    );
  for (const text of ['&lt;1', 'url', 'expressions', 'a &lt; 1']) assert.equal(value(text), 'accepted', text);
  assert.equal(
    refusal('<svg><!-- hidden --></svg>'),
    'The plot "Models" was not exported: a node of type 8 is not allowed in an exported plot.',
  );
});

test('the exported page: plots after the introduction, each a figure with caption, legend (or none), SVG or "No data yet.", and its reading', async (t) => {
  const report = buildReport(await loadReportData([await writeFixture(makeTempDir(t, 'imagery-report-html-'))]));
  const html = reportHtml(report);
  assert.ok(html.includes('<title>Validation report</title>'));
  assert.ok(html.includes(`${STANDALONE_CSS}${PLOT_CSS}</style>`));
  const section = html.slice(html.indexOf('<section class="plots"'), html.indexOf('</section>\n') + 11);
  assert.ok(html.indexOf('<h1>Validation report</h1>') < html.indexOf('<section'), 'the heading first');
  assert.ok(html.indexOf('Every share comes with') < html.indexOf('<section'), 'then the introduction');
  assert.ok(html.indexOf('</section>') < html.indexOf('<h2>Extraction quality</h2>'), 'then the tables');
  assert.ok(
    section.startsWith(
      '<section class="plots" aria-label="Plots">\n<figure data-plot="progress">\n<figcaption>Progress over time, per annotator</figcaption>\n' +
        '<div class="legend"><span title="ana"><span class="swatch c0"></span>ana</span> <span title="ben"><span class="swatch c1"></span>ben</span></div>\n<svg ',
    ),
    section.slice(0, 400),
  );
  assert.ok(
    section.includes('</svg>\n<p class="muted">ana: 8 decisions on 4 requests; ben: 7 decisions on 4 requests</p>\n</figure>\n'),
  );
  assert.ok(
    section.includes('<figure data-plot="invalid">\n<figcaption>Invalid posts by reason</figcaption>\n<svg '),
    'no legend',
  );
  assert.ok(
    section.includes(
      '<figure data-plot="extractors">\n<figcaption>Extractors: item precision, recall and F1 beside the stored extraction, 95% intervals</figcaption>\n' +
        '<div class="legend"><span title="extractor"><span class="swatch c0"></span>extractor</span> <span title="stored extraction"><span class="swatch c1"></span>stored extraction</span></div>\n' +
        '<p class="muted">No data yet.</p>\n<p class="muted">No extraction runs on decided comments yet.</p>\n</figure>',
    ),
  );
  assert.ok(section.endsWith('</figure>\n</section>\n'));
  assert.equal(
    PLOT_CSS,
    COLOURS.map((colour, i) => `.swatch.c${i}{background:${colour}}`).join('') +
      '.legend{display:flex;gap:12px;flex-wrap:wrap;margin:2px 0 4px}' +
      '.swatch{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}' +
      '.muted{color:var(--vscode-descriptionForeground)}figcaption{font-weight:600}',
  );
  assert.ok(PLOT_CSS.startsWith('.swatch.c0{background:var(--vscode-charts-blue, #3794ff)}'));
  assert.ok(PLOT_CSS.includes('.swatch.c5{background:var(--vscode-charts-yellow, #cca700)}'));
});

test('a legend label is clamped to 40 characters, its whole text the tooltip', async (t) => {
  const long = 'a'.repeat(50);
  const report = buildReport(
    await loadReportData([await writeFixture(makeTempDir(t, 'imagery-report-html-'), { ana: long, ben: 'ben' })]),
  );
  assert.ok(reportHtml(report).includes(`<span title="${long}"><span class="swatch c0"></span>${'a'.repeat(39)}…</span>`));
});
