// The report exported as Markdown and HTML with hostile names: `$…$` is no
// math, a right-to-left override is isolated (HTML) or dropped (Markdown), and
// control characters are gone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block } from '../../../src/core/report/report-blocks';
import { blocksToHtmlBody, blocksToMarkdown } from '../../../src/core/report/report-format';
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
