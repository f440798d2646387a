// The export's summary text, line by line: what a person reads after an export.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { RESOLUTION_RULE } from '../../../src/core/annotations/resolve';
import type { DomainChanges } from '../../../src/core/release/export-domain';
import type { ExportSummary } from '../../../src/core/release/export';
import { formatExportSummary } from '../../../src/core/release/export-summary';

const OUT = path.join(path.sep, 'tmp', 'out');
const counts = (adjudicated: number, agreed: number, single: number, rule: number) => ({ adjudicated, agreed, single, rule });

const music: DomainChanges = {
  domain: 'music',
  requests: 12,
  valid: 9,
  copiedFromRelease: 2,
  withItems: 6,
  invalidated: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'],
  corrected: ['r8', 'r9'],
  itemsAdded: ['a - b', 'c - d', 'e - f', 'g - h', 'i - j'],
  itemsRemoved: ['k - l'],
  positivesChanged: [
    { request: 'r8', from: null, to: 'a - b' },
    { request: 'r9', from: 'k - l', to: null },
  ],
  resampled: [{ request: 'r8', reason: 'positive changed' }],
  choicesSkipped: ['r10'],
};

const books: DomainChanges = {
  domain: 'books',
  requests: 1,
  valid: 1,
  copiedFromRelease: 0,
  withItems: 1,
  invalidated: [],
  corrected: [],
  itemsAdded: [],
  itemsRemoved: [],
  positivesChanged: [],
  resampled: [],
  choicesSkipped: [],
};

test('formatExportSummary: every figure, lists cut at five, copied posts and skipped questions only when there are some', () => {
  const summary: ExportSummary = {
    outDir: OUT,
    seed: 7,
    domains: [music, books],
    irrelevantKept: 3,
    irrelevantAdded: 4,
    files: [],
    logWarnings: [{ file: 'music-001.ana.jsonl', line: 2, reason: 'not JSON' }],
    warnings: ['images folder missing'],
    resolution: {
      rule: RESOLUTION_RULE,
      validity: counts(1, 2, 3, 4),
      extraction: counts(5, 6, 7, 8),
      byRule: [
        { request: 'r1', answers: [], chosen: 'ana' },
        { request: 'r2', comment: 'c1', answers: [], chosen: 'ben' },
      ],
      warnings: ['adjudications by ana count'],
    },
    formulaCells: [
      { file: path.join(OUT, 'data', 'items.csv'), cells: 2 },
      { file: path.join(OUT, 'data', 'irrelevant_submissions.csv'), cells: 1 },
    ],
  };
  assert.deepEqual(formatExportSummary(summary).split('\n'), [
    `Exported to ${OUT} (seed 7)`,
    // 9 posts written, 2 of them copied from the release: 7 of the 12 requests are valid.
    'music: 7/12 requests valid, 6 with items',
    '  requests invalidated: 7: "r1", "r2", "r3", "r4", "r5", ... (2 more)',
    '  requests with corrected extraction: 2',
    '  items added: 5: "a - b", "c - d", "e - f", "g - h", "i - j"',
    '  items removed: 1: "k - l"',
    '  positives changed: 2: "r8: - -> a - b", "r9: k - l -> -"',
    '  posts outside the benchmark copied from the release: 2',
    '  multiple-choice candidates drawn again (seed 7): 1: "r8: positive changed"',
    '  left out of submissions_ns (under 4 negatives available): 1',
    'books: 1/1 requests valid, 1 with items',
    '  requests invalidated: 0',
    '  requests with corrected extraction: 0',
    '  items added: 0',
    '  items removed: 0',
    '  positives changed: 0',
    '  multiple-choice candidates drawn again (seed 7): 0',
    'irrelevant_submissions.csv: 3 rows kept, 4 added',
    'decisions: validity 1 adjudicated, 2 agreed, 3 by one annotator, 4 by the rule; ' +
      'extraction 5 adjudicated, 6 agreed, 7 by one annotator, 8 by the rule',
    `  decided by the rule (${RESOLUTION_RULE}): 2: "r1", "r2/c1"`,
    `warning: 3 cell(s) start with a formula character (= + - @); open with care in a spreadsheet: ` +
      `${path.join('data', 'items.csv')} (2), ${path.join('data', 'irrelevant_submissions.csv')} (1). The files are left as pandas reads them.`,
    'warning: adjudications by ana count',
    'warning: music-001.ana.jsonl:2: not JSON',
    'warning: images folder missing',
  ]);
});

test('formatExportSummary: no rule decisions and no formula cells, no such lines', () => {
  const summary: ExportSummary = {
    outDir: OUT,
    seed: 1,
    domains: [],
    irrelevantKept: 0,
    irrelevantAdded: 0,
    files: [],
    logWarnings: [],
    warnings: [],
    resolution: { rule: RESOLUTION_RULE, validity: counts(0, 0, 0, 0), extraction: counts(0, 0, 0, 0), byRule: [], warnings: [] },
    formulaCells: [{ file: path.join(OUT, 'data', 'items.csv'), cells: 0 }],
  };
  assert.deepEqual(formatExportSummary(summary).split('\n'), [
    `Exported to ${OUT} (seed 1)`,
    'irrelevant_submissions.csv: 0 rows kept, 0 added',
    'decisions: validity 0 adjudicated, 0 agreed, 0 by one annotator, 0 by the rule; ' +
      'extraction 0 adjudicated, 0 agreed, 0 by one annotator, 0 by the rule',
  ]);
});
