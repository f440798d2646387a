// The report exported as Markdown and HTML with hostile names: `$…$` is no
// math, a right-to-left override is isolated (HTML) or dropped (Markdown), and
// control characters are gone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block } from '../../../src/core/report/report-blocks';
import { clampText, DISPLAY_MAX } from '../../../src/core/report/display-text';
import {
  blocksToHtmlBody,
  blocksToMarkdown,
  PARAGRAPH_MAX,
  STANDALONE_CSS,
  standaloneHtml,
} from '../../../src/core/report/report-format';
import { isolate } from '../../../src/core/untrusted-text';

const RLO = '\u202e';
const blocks: Block[] = [
  { kind: 'p', text: `Annotators: ${isolate(`ana${RLO}`)}, ${isolate('$x^2$ fan')}. Every share comes with its CI.` },
  { kind: 'table', headers: ['answers'], rows: [[`${isolate(`bob${RLO}`)}: valid · ${isolate('eve\u001b[2J')}: invalid`]] },
];

test('Markdown: $ is escaped (no math in a preview), unpaired overrides and control characters are dropped', () => {
  const markdown = blocksToMarkdown(blocks);
  assert.equal(
    markdown,
    'Annotators: \u2068ana\u2069, \u2068\\$x^2\\$ fan\u2069. Every share comes with its CI.\n\n' +
      '| answers |\n| --- |\n| \u2068bob\u2069: valid · \u2068eve\\[2J\u2069: invalid |\n',
  );
});

test('HTML: each name is a <bdi>, so its override ends with it; our text stays outside', () => {
  const body = blocksToHtmlBody(blocks);
  assert.match(body, /<p>Annotators: <bdi>ana\u202e<\/bdi>, <bdi>\$x\^2\$ fan<\/bdi>\. Every share comes with its CI\.<\/p>/);
  assert.ok(body.includes(`<td><bdi>bob${RLO}</bdi>: valid · <bdi>eve\u001b[2J</bdi>: invalid</td>`), body);
  assert.doesNotMatch(body, /[\u2068\u2069]/); // the marks became elements
});

const X = 'x'.repeat(170);
const BLOCKS: Block[] = [
  { kind: 'h1', text: 'Report' },
  { kind: 'h2', text: 'Two' },
  { kind: 'h3', text: 'Three' },
  { kind: 'p', text: `line one\r\n\nline two <&>"'` },
  { kind: 'table', headers: ['A', 'B'], rows: [] },
  {
    kind: 'table',
    headers: ['Name', 'N'],
    rows: [
      ['ana', '1'],
      [X, '2'],
    ],
  },
];

test('Markdown, block by block: heading levels, line breaks as one space, an empty table, rows whole', () => {
  assert.equal(
    blocksToMarkdown(BLOCKS),
    '# Report\n\n## Two\n\n### Three\n\nline one line two \\<&\\>"\'\n\n_None._\n\n' +
      `| Name | N |\n| --- | --- |\n| ana | 1 |\n| ${X} | 2 |\n`,
  );
});

test('HTML, block by block: text escaped, an empty table, a long cell folded with the whole value as its tooltip', () => {
  assert.equal(
    blocksToHtmlBody(BLOCKS),
    '<h1>Report</h1>\n<h2>Two</h2>\n<h3>Three</h3>\n<p>line one\r\n\nline two &lt;&amp;&gt;&quot;&#39;</p>\n<p><em>None.</em></p>\n' +
      '<table>\n<thead><tr><th scope="col">Name</th><th scope="col">N</th></tr></thead>\n<tbody>\n' +
      `<tr><td>ana</td><td>1</td></tr>\n<tr><td title="${X}">${X.slice(0, DISPLAY_MAX - 1)}…</td><td>2</td></tr>\n</tbody>\n</table>`,
  );
  const long = 'p'.repeat(PARAGRAPH_MAX + 1);
  assert.equal(blocksToHtmlBody([{ kind: 'p', text: long }]), `<p title="${long}">${long.slice(0, PARAGRAPH_MAX - 1)}…</p>`);
});

test('the standalone page: its title, its style, and the extra body after the first blocks', () => {
  const page = standaloneHtml(BLOCKS.slice(0, 2), undefined, '<svg></svg>', '.x{}', 1);
  assert.ok(page.includes('<title>Validation report</title>'));
  assert.ok(page.includes(`<style>${STANDALONE_CSS}.x{}</style>`));
  assert.ok(page.endsWith('<body>\n<h1>Report</h1>\n<svg></svg><h2>Two</h2>\n</body>\n</html>\n'), page);
  const plain = standaloneHtml(BLOCKS.slice(0, 1));
  assert.ok(plain.includes(`<style>${STANDALONE_CSS}</style>`));
  assert.ok(plain.endsWith('<body>\n\n<h1>Report</h1>\n</body>\n</html>\n'));
  assert.match(STANDALONE_CSS, /^:root\{--vscode-foreground:#1f1f1f;/);
  assert.match(STANDALONE_CSS, /@media \(prefers-color-scheme:dark\)\{body\{color:#ddd;background:#1e1e1e\}/);
});

test('clampText: whole up to the limit, else cut with "…" as the last character, never inside a surrogate pair', () => {
  assert.equal(clampText('abc', 3), 'abc');
  assert.equal(clampText('abcd', 3), 'ab…');
  assert.equal(clampText('a\u{1f600}b', 3), 'a…');
  assert.equal(clampText('ab\u{1f600}c', 4), 'ab…');
  assert.equal(clampText('x\u{1f600}yzw', 5), 'x\u{1f600}y…');
  assert.equal(clampText('y'.repeat(DISPLAY_MAX)), 'y'.repeat(DISPLAY_MAX));
});
