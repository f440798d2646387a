// A log speaks only for the annotator it is named after; a future date wins
// nothing; only listed reviewers adjudicate, and a withdrawal takes back only
// the reviewer's own word. Through the core (readAll, Resolver, export) and
// the CLI (`imagery report`, `imagery export`).
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { CLOCK_SKEW_MS, logOwner, speaksFor, vetLog } from '../../../src/core/annotations/log-identity';
import type { LogWarning } from '../../../src/core/annotations/log-lines';
import { annotationLogPath } from '../../../src/core/annotations/paths';
import { Resolver } from '../../../src/core/annotations/resolve';
import { readReviewers, REVIEWERS_FILE } from '../../../src/core/annotations/reviewers';
import { exportCorrected } from '../../../src/core/release/export';
import { formatExportSummary } from '../../../src/core/release/export-summary';
import { runCli } from '../cli/run-cli';
import { fixtureRecords, T0, writeFixture } from '../report/fixture';
import { makeTempDir } from './temp';

// In the fixture, r2 is disputed: Ana "invalid" (T0), Ben "valid" an hour later, so the rule takes Ben's "valid".
const r2 = fixtureRecords()[1];
const FUTURE = '2099-01-01T00:00:00.000Z';

function writeLog(shard: string, name: string, events: object[]): string {
  const file = path.join(`${shard}.annotations`, `${name}.jsonl`);
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, events.map((event) => JSON.stringify({ v: 1, ...event }) + '\n').join(''));
  return file;
}

const invalidR2 = (id: string, annotator: string, time: string) => ({
  id,
  time,
  annotator,
  request: 'r2',
  type: 'validity',
  verdict: 'invalid',
  reason: 'Image is text',
});

const irrelevant = (out: string) => readFileSync(path.join(out, 'data', 'irrelevant_submissions.csv'), 'utf8');

test('mallory.jsonl claiming to be ana, dated 2099, is ignored and reported; the export keeps the real answers', async (t) => {
  const dir = makeTempDir(t, 'imagery-identity-');
  const shard = await writeFixture(dir);
  writeLog(shard, 'mallory', [invalidR2('m1', 'ana', FUTURE), invalidR2('m2', 'Ben', FUTURE)]);

  const logs = await AnnotationLog.readAll(shard);
  assert.deepEqual(
    logs.perFile.map((events) => [...new Set(events.map((event) => event.annotator))]),
    [['ana'], ['ben'], []],
  );
  assert.deepEqual(
    logs.warnings.map((warning) => [path.basename(warning.file), warning.line, warning.reason]),
    [
      ['mallory.jsonl', 1, 'event m1 names annotator "ana", but this is the log of "mallory" (the file name decides); ignored'],
      ['mallory.jsonl', 2, 'event m2 names annotator "Ben", but this is the log of "mallory" (the file name decides); ignored'],
    ],
  );
  assert.deepEqual(new Resolver(logs.perFile).resolve(r2)?.validity, { status: 'valid' });

  const summary = await exportCorrected([shard], path.join(dir, 'out'), { seed: 1 });
  assert.doesNotMatch(irrelevant(path.join(dir, 'out')), /r2/);
  assert.match(formatExportSummary(summary), /warning: .*mallory\.jsonl:1: event m1 names annotator "ana"/);
});

test("an event dated after its log was last written wins nothing by its date (it takes the log's previous time)", async (t) => {
  const dir = makeTempDir(t, 'imagery-identity-');
  const shard = await writeFixture(dir);
  // Ana's own log, one more "invalid" dated 2099: taken as the time of her event before it (T0 + 7 min), before Ben's.
  const file = writeLog(shard, 'ana', [invalidR2('a-late', 'ana', FUTURE)]);
  const logs = await AnnotationLog.readAll(shard);
  const late = logs.perFile[0].find((event) => event.id === 'a-late');
  assert.equal(late?.time, new Date(T0 + 7 * 60_000).toISOString());
  assert.deepEqual(
    logs.warnings.map((warning) => [warning.file, warning.line]),
    [[file, 9]],
  );
  assert.match(
    logs.warnings[0].reason,
    /^event a-late is dated 2099-01-01T00:00:00\.000Z, after the log was last written \(20\d\d-/,
  );
  // Ana and Ben disagree on r2, one each: the one decided last is Ben's (without the rule, 2099 made it Ana's).
  assert.deepEqual(new Resolver(logs.perFile).resolve(r2)?.validity, { status: 'valid' });
});

test('a forged withdrawal undoes nothing; only listed reviewers adjudicate; report and export say so', async (t) => {
  const dir = makeTempDir(t, 'imagery-identity-');
  const shard = await writeFixture(dir);
  writeLog(shard, 'rita', [{ ...invalidR2('rita-1', 'rita', new Date(T0 + 7_200_000).toISOString()), type: 'adjudication' }]);
  const withdraw = (id: string, annotator: string) => ({
    id,
    time: new Date(T0 + 9_000_000).toISOString(),
    annotator,
    request: 'r2',
    type: 'adjudication',
    verdict: 'withdrawn',
  });
  // One withdrawal claims to be Rita's; one is Mallory's own; then Mallory settles r2 "valid" herself.
  writeLog(shard, 'mallory', [
    withdraw('m-forged', 'rita'),
    withdraw('m-own', 'mallory'),
    { ...withdraw('m-valid', 'mallory'), id: 'm-valid', verdict: 'valid', time: new Date(T0 + 9_600_000).toISOString() },
  ]);

  // No reviewers file: anyone may adjudicate, and the summary names who did. Mallory's "valid" is the latest word.
  let logs = await AnnotationLog.readAll(shard);
  const open = new Resolver(logs.perFile, { reviewers: null });
  assert.deepEqual(open.adjudicatedValue('r2'), { status: 'valid' });
  open.resolve(r2);
  assert.match(
    open.summary().warnings.join('\n'),
    /adjudications by mallory, rita count, as no reviewers file lists who may adjudicate/,
  );

  // A reviewers file listing Rita: Mallory's adjudications are ignored and reported; Rita's stands, withdrawn by no one.
  writeFileSync(path.join(dir, REVIEWERS_FILE), JSON.stringify({ reviewers: ['Rita'] }));
  const reviewers = await readReviewers(shard);
  assert.deepEqual([...(reviewers.stems ?? [])], ['rita']);
  logs = await AnnotationLog.readAll(shard);
  const listed = new Resolver(logs.perFile, { reviewers: reviewers.stems, reviewersFile: reviewers.file });
  assert.deepEqual(listed.adjudicatedValue('r2'), { status: 'invalid', reason: 'Image is text' });
  listed.resolve(r2);
  assert.deepEqual(listed.summary().warnings, [
    `adjudication m-own (request r2) by "mallory": not a reviewer listed in ${reviewers.file}; ignored`,
    `adjudication m-valid (request r2) by "mallory": not a reviewer listed in ${reviewers.file}; ignored`,
  ]);

  const exported = await runCli('export', dir, '--out', path.join(dir, 'out'), '--seed', '1');
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(irrelevant(path.join(dir, 'out')), /ifyoulikeblank,r2,Image is text/);
  const said = exported.stdout + exported.stderr;
  assert.match(said, /mallory\.jsonl:1: event m-forged names annotator "rita", but this is the log of "mallory"/);
  assert.match(
    said,
    /adjudication m-valid \(request r2\) by "mallory": not a reviewer listed in .*imagery-reviewers\.json; ignored/,
  );

  const report = await runCli('report', dir, '--json', '--quiet');
  assert.equal(report.code, 0, report.stderr);
  const json = JSON.parse(report.stdout) as { warnings: string[]; curation: unknown };
  assert.ok(json.warnings.some((warning) => /mallory\.jsonl:1: event m-forged names annotator "rita"/.test(warning)));
  assert.ok(json.warnings.some((warning) => /adjudication m-valid .* not a reviewer listed/.test(warning)));
});

test('a reviewers file that is not {"reviewers": [...]} is an error naming the file and line', async (t) => {
  const dir = makeTempDir(t, 'imagery-identity-');
  const shard = await writeFixture(dir);
  writeFileSync(path.join(dir, REVIEWERS_FILE), '{\n  "reviewers": ["rita",]\n}\n');
  await assert.rejects(readReviewers(shard), (error: Error) => {
    assert.match(error.message, new RegExp(`^${path.join(dir, REVIEWERS_FILE).replace(/[.\\/]/g, '\\$&')}:2: not JSON`));
    return true;
  });
  writeFileSync(path.join(dir, REVIEWERS_FILE), '["rita"]');
  await assert.rejects(readReviewers(shard), /imagery-reviewers\.json:1: expected \{"reviewers": \["name", \.\.\.\]\}/);
  const refused = await runCli('export', dir, '--out', path.join(dir, 'out'), '--seed', '1');
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /imagery-reviewers\.json:1: expected/);
});

test("a long name cut where punctuation stood still speaks for its own log (the file stem keeps a trailing '_')", () => {
  const name = 'Mia online=yes <meta http-equiv=refresh content=0;url=javascript:alert(2)>';
  const file = annotationLogPath('/data/a.shard.jsonl', name);
  assert.ok(path.basename(file, '.jsonl').endsWith('_'), 'the case this test is about: a stem ending in "_"');
  assert.equal(speaksFor(name, logOwner(file)), true);
  assert.equal(speaksFor('mia', logOwner(file)), false);
});

test('vetLog: the clock skew allowed is ten minutes after the earlier of the last write and now, bound included', () => {
  const written = Date.parse('2024-06-01T12:00:00.000Z');
  const at = (ms: number) => new Date(ms).toISOString();
  const event = (id: string, time: string, annotator = 'Ana') =>
    ({ v: 1, id, time, annotator, request: 'r1', type: 'note', text: id }) as const;
  const times = (now: number, events: ReturnType<typeof event>[]) => {
    const warnings: LogWarning[] = [];
    const vet = vetLog('/d/x.annotations/ana.jsonl', written, warnings, now);
    return { kept: events.map((e, n) => vet(e, n + 1)?.time ?? null), warnings };
  };
  const later = written + 86_400_000;
  const skew = 10 * 60 * 1000;
  assert.equal(CLOCK_SKEW_MS, skew);
  const { kept, warnings } = times(later, [
    event('e1', at(written - 1000)),
    event('e2', at(written + 5 * 60 * 1000)),
    event('e3', at(written + skew)),
    event('e4', at(written + skew + 1)),
  ]);
  assert.deepEqual(kept, [at(written - 1000), at(written + 5 * 60 * 1000), at(written + skew), at(written + skew)]);
  assert.deepEqual(
    warnings.map((w) => w.line),
    [4],
  );
  assert.match(
    warnings[0].reason,
    new RegExp(`after the log was last written \\(${at(written)}\\); taken as ${at(written + skew)}`),
  );
  // A file dated in the future (a wrong clock, a forged mtime): now bounds it.
  const early = times(written - 3_600_000, [event('f1', at(written - 7_200_000)), event('f2', at(written - 1_000))]);
  assert.deepEqual(early.kept, [at(written - 7_200_000), at(written - 7_200_000)]);
  assert.match(early.warnings[0].reason, new RegExp(`last written \\(${at(written - 3_600_000)}\\)`));
});

test('vetLog: an unparseable time is kept as is but never becomes the time a later future event takes', () => {
  const warnings: LogWarning[] = [];
  const vet = vetLog(
    '/d/x.annotations/ana.jsonl',
    Date.parse('2024-06-01T12:00:00.000Z'),
    warnings,
    Date.parse('2024-06-02T00:00:00Z'),
  );
  const event = (id: string, time: string) =>
    ({ v: 1, id, time, annotator: 'ana', request: 'r1', type: 'note', text: id }) as const;
  assert.equal(vet(event('e1', '2024-06-01T10:00:00.000Z'), 1)?.time, '2024-06-01T10:00:00.000Z');
  assert.equal(vet(event('e2', 'soon'), 2)?.time, 'soon');
  assert.equal(vet(event('e3', FUTURE), 3)?.time, '2024-06-01T10:00:00.000Z');
});

test('a log whose file name has no letter or digit speaks for nobody, not for a name without one either', () => {
  const warnings: LogWarning[] = [];
  const vet = vetLog('/d/x.annotations/_.jsonl', Date.now(), warnings);
  assert.equal(logOwner('/d/x.annotations/_.jsonl'), null);
  assert.equal(
    vet({ v: 1, id: 'e1', time: '2024-01-01T00:00:00Z', annotator: '!!', request: 'r1', type: 'note', text: '' }, 1),
    null,
  );
  assert.match(warnings[0].reason, /names annotator "!!", but this is the log of "_\.jsonl"/);
  assert.equal(speaksFor('!!', null), false);
});
