// The report's figures called directly on requests made here: curation,
// extraction quality (and what bulk confirmation leaves out), second
// extractors, progress over time, and what buildReport adds around them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dict } from '../../../src/core/dict';
import type { CommentVerdict, RequestState, Validity } from '../../../src/core/annotations/state';
import { curation, PAPER_INVALID_SHARE } from '../../../src/core/report/curation';
import { extractionQuality } from '../../../src/core/report/extraction-quality';
import { extractorScores } from '../../../src/core/report/extractors';
import type { Decision, ReportRequest } from '../../../src/core/report/load';
import { MAX_POINTS_PER_ANNOTATOR, progress } from '../../../src/core/report/progress';
import { buildReport } from '../../../src/core/report/report';
import { loadReportData } from '../../../src/core/report/load';
import type { ShardComment, ShardRecord } from '../../../src/core/shard/schema';
import { makeTempDir } from '../annotations/temp';
import { sampleRecord } from '../shard/sample-records';
import { writeFixture } from './fixture';

const comment = (id: string, items: string[]): ShardComment => ({
  id,
  raw: `comment ${id}`,
  upvotes: 1,
  created_utc: null,
  extraction: { raw: items.join('\n'), items },
});

const state = (comments: Record<string, CommentVerdict> = {}, validity?: Validity): RequestState => ({
  comments: dict(Object.entries(comments)),
  modelVerdicts: dict(),
  notes: [],
  ...(validity ? { validity } : {}),
});

function request(
  record: ShardRecord,
  final: RequestState | undefined,
  more: Partial<Omit<ReportRequest, 'record' | 'final'>> = {},
): ReportRequest {
  return { shard: 'a.shard.jsonl', record, byAnnotator: new Map(), final, comments: null, extractionRuns: new Map(), ...more };
}

const confirmed: CommentVerdict = { status: 'confirmed' };
const bulk: CommentVerdict = { status: 'confirmed', bulk: true };
const corrected = (...items: string[]): CommentVerdict => ({ status: 'corrected', items });
const invalid = (reason: Extract<Validity, { status: 'invalid' }>['reason']): Validity => ({ status: 'invalid', reason });

test('curation: undecided requests left out, reasons summed, domains and subreddits sorted by name', () => {
  const record = (id: string, domain: ShardRecord['domain'], subreddit: string) => sampleRecord(id, { domain, subreddit });
  const figures = curation([
    request(record('r1', 'music', 'PictureTheSound'), state({}, invalid('Image is text'))),
    request(record('r2', 'music', 'ifyoulikeblank'), state({}, invalid('Image is text'))),
    request(record('r3', 'books', 'booksuggestions'), state({}, { status: 'valid' })),
    request(record('r4', 'music', 'PictureTheSound'), undefined),
    request(record('r5', 'books', 'AskReddit'), state()),
    request(record('r6', 'books', 'PictureTheSound'), state({}, invalid('Not music rec'))),
  ]);
  assert.deepEqual([figures.requests, figures.decided, figures.invalid.count, figures.invalid.total], [6, 4, 3, 4]);
  const reasons = new Map(figures.byReason.map(({ reason, invalid: share }) => [reason, share.count]));
  assert.deepEqual([reasons.get('Image is text'), reasons.get('Not music rec'), reasons.get('Other')], [2, 1, 0]);
  assert.deepEqual(
    figures.byDomain.map(({ domain, invalid: share }) => [domain, share.count, share.total]),
    [
      ['books', 1, 2],
      ['music', 2, 2],
    ],
  );
  assert.deepEqual(
    figures.bySubreddit.map(({ subreddit }) => subreddit),
    ['PictureTheSound', 'booksuggestions', 'ifyoulikeblank'],
  );
  assert.deepEqual(figures.paper, { invalidShare: PAPER_INVALID_SHARE });
  assert.equal(PAPER_INVALID_SHARE, 0.029);
});

test('extraction quality: exact sets, precision, recall and F1 over items; F1 is null when either is null or both are 0', () => {
  // c1 as extracted; c2: one of two kept, one added; c3: as many items as extracted, but others.
  const record = sampleRecord('r1', {
    comments: [comment('c1', ['a - b']), comment('c2', ['c - d', 'e - f']), comment('c3', ['g - h'])],
  });
  const figures = extractionQuality([
    request(record, state({ c1: confirmed, c2: corrected('c - d', 'x - y'), c3: corrected('i - j') })),
  ]);
  assert.deepEqual([figures.comments, figures.confirmed, figures.corrected], [3, 1, 2]);
  assert.deepEqual([figures.exactMatch.count, figures.exactMatch.total], [1, 3]);
  assert.deepEqual([figures.extractedItems, figures.trueItems], [4, 4]);
  assert.deepEqual([figures.precision.count, figures.precision.total, figures.recall.count, figures.recall.total], [2, 4, 2, 4]);
  assert.equal(figures.f1, 0.5);
  // Precision 1/3 and recall 1/1: F1 = 2pr/(p+r) = 0.5.
  const uneven = extractionQuality([
    request(sampleRecord('r2', { comments: [comment('c1', ['a - b', 'c - d', 'e - f'])] }), state({ c1: corrected('a - b') })),
  ]);
  assert.equal(uneven.f1, 0.5);
  assert.deepEqual([uneven.precision.value, uneven.recall.value], [1 / 3, 1]);

  const nothingExtracted = sampleRecord('r3', { comments: [comment('c1', [])] });
  const f1 = (verdict: CommentVerdict, record = nothingExtracted) =>
    extractionQuality([request(record, state({ c1: verdict }))]).f1;
  assert.equal(f1(corrected('a - b')), null, 'nothing extracted: no precision');
  assert.equal(f1(corrected(), sampleRecord('r4', { comments: [comment('c1', ['a - b'])] })), null, 'no true item: no recall');
  assert.equal(f1(corrected('x - y'), sampleRecord('r5', { comments: [comment('c1', ['a - b'])] })), null, 'none right: 0 and 0');
});

test('extraction quality: a bulk confirmation nobody read one by one is left out; one an annotator read is counted', () => {
  const record = sampleRecord('r1', { comments: [comment('c1', ['a - b']), comment('c2', ['c - d']), comment('c3', ['e - f'])] });
  const byAnnotator = new Map([
    ['zed', state({ c1: bulk, c2: bulk })],
    ['ana', state({ c1: bulk, c3: bulk })],
    ['mia', state({ c2: confirmed, c3: bulk })],
  ]);
  const figures = extractionQuality([request(record, state({ c1: bulk, c2: bulk, c3: confirmed }), { byAnnotator })]);
  // c1: only bulk, left out. c2: bulk in the final decision, but Mia read it: counted. c3: a plain confirmation.
  assert.deepEqual([figures.bulk.leftOut, figures.comments], [1, 2]);
  assert.deepEqual(figures.bulk.byAnnotator, [
    { annotator: 'ana', comments: 2 },
    { annotator: 'mia', comments: 1 },
    { annotator: 'zed', comments: 2 },
  ]);
  // A final confirmation that is not bulk counts even when no annotator's state has a verdict for it.
  const alone = extractionQuality([
    request(sampleRecord('r2'), state({ c1: confirmed }), { byAnnotator: new Map([['ana', state()]]) }),
  ]);
  assert.deepEqual([alone.bulk.leftOut, alone.comments], [0, 1]);
});

test("second extractors: only decided, answered comments in scope; misses found; rows sorted; F1's nulls", () => {
  const record = sampleRecord('r1', {
    comments: [comment('c1', ['a - b']), comment('c2', ['c - d']), comment('c3', ['e - f']), comment('c4', ['g - h'])],
  });
  const final = state({ c1: corrected('a - b', 'x - y', 'z - w'), c2: confirmed, c4: confirmed });
  const answers = (entries: [string, string][]) => new Map(entries);
  const rows = extractorScores([
    request(record, final, {
      comments: new Set(['c1', 'c2', 'c3']),
      extractionRuns: new Map([
        // c3 is undecided and c4 out of scope: neither counts.
        [
          'zeta (p)',
          answers([
            ['c1', 'A - B\nX - Y'],
            ['c3', 'E - F'],
            ['c4', 'G - H'],
          ]),
        ],
        ['alpha (p)', answers([['c2', 'None']])],
        ['mid (p)', answers([['c2', 'C - D']])],
      ]),
    }),
  ]);
  assert.deepEqual(
    rows.map((row) => row.extractor),
    ['alpha (p)', 'mid (p)', 'zeta (p)'],
  );
  const [alpha, , zeta] = rows;
  assert.equal(zeta.comments, 1);
  assert.deepEqual([zeta.scores.precision.count, zeta.scores.precision.total, zeta.scores.recall.total], [2, 2, 3]);
  assert.deepEqual([zeta.missesFound.count, zeta.missesFound.total], [1, 2], 'x - y found, z - w not');
  assert.deepEqual([zeta.stored.precision.count, zeta.stored.precision.total], [1, 1]);
  assert.equal(zeta.scores.f1, 0.8);
  // "None" gives no item: no precision, so no F1.
  assert.deepEqual([alpha.comments, alpha.scores.precision.value, alpha.scores.f1], [1, null, null]);
  const wrong = extractorScores([
    request(sampleRecord('r2'), state({ c1: confirmed }), { extractionRuns: new Map([['m', answers([['c1', 'Q - R']])]]) }),
  ]);
  assert.equal(wrong[0].scores.f1, null, 'precision and recall both 0');
  const noTruth = extractorScores([
    request(sampleRecord('r3'), state({ c1: corrected() }), { extractionRuns: new Map([['m', answers([['c1', 'Q - R']])]]) }),
  ]);
  assert.deepEqual([noTruth[0].scores.recall.value, noTruth[0].scores.f1], [null, null]);
});

test('progress: decisions in time order, undated ones left out, thinned to at most the maximum with the last kept', () => {
  const at = (second: number) => new Date(Date.UTC(2024, 0, 1) + second * 1000).toISOString();
  const decisions: Decision[] = [
    { annotator: 'ana', time: at(30), request: 'r2' },
    { annotator: 'ana', time: at(10), request: 'r1' },
    { annotator: 'ana', time: 'not a time', request: 'r9' },
    { annotator: 'bea', time: at(20), request: 'r1' },
    { annotator: 'ana', time: at(20), request: 'r1' },
  ];
  const [ana, bea, cy] = progress(decisions, ['ana', 'bea', 'cy']);
  assert.deepEqual(ana, {
    annotator: 'ana',
    decisions: 3,
    requests: 2,
    points: [
      { time: at(10), count: 1 },
      { time: at(20), count: 2 },
      { time: at(30), count: 3 },
    ],
  });
  assert.deepEqual([bea.decisions, bea.points.length, cy.decisions, cy.points], [1, 1, 0, []]);

  const many = Array.from({ length: 2 * MAX_POINTS_PER_ANNOTATOR + 1 }, (_, n) => ({
    annotator: 'ana',
    time: at(n),
    request: 'r1',
  }));
  const [thinned] = progress(many, ['ana']);
  // 401 decisions, a point every 3rd (3, 6, ... 399) and the last (401).
  assert.equal(thinned.points.length, 134);
  assert.deepEqual(thinned.points.slice(0, 2), [
    { time: at(2), count: 3 },
    { time: at(5), count: 6 },
  ]);
  assert.deepEqual(thinned.points.slice(-2), [
    { time: at(398), count: 399 },
    { time: at(400), count: 401 },
  ]);
});

test('buildReport counts distinct shards and lists the loaded warnings before the resolution warnings', async (t) => {
  const shard = await writeFixture(makeTempDir(t, 'imagery-report-'));
  const data = await loadReportData([shard]);
  const [first] = data.requests;
  const report = buildReport({
    ...data,
    requests: [...data.requests, { ...first, shard: 'other.shard.jsonl' }],
    warnings: ['loaded'],
    resolution: { ...data.resolution, warnings: ['resolved'] },
  });
  assert.deepEqual([report.scope.shards, report.scope.requests], [2, data.requests.length + 1]);
  assert.deepEqual(report.warnings, ['loaded', 'resolved']);
});
