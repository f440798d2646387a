// The exported page is built from the report's data: the view sends no markup
// (the protocol drops any), and every plot's SVG passes an allow-list of
// elements, attributes and values before it is written; a refusal names what
// it refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { checkPlainSvg, ExportRefused, reportHtml } from '../../../src/core/report/report-html';
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
