// imagery report: the three formats carry the same figures; --queue by name; errors name the file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTempDir } from '../annotations/temp';
import { runCli } from '../cli/run-cli';
import { writeFixture } from './fixture';

test('imagery report --json names the figures plainly', async (t) => {
  const dir = makeTempDir(t, 'imagery-report-cli-');
  await writeFixture(dir);
  const result = await runCli('report', dir, '--json', '--quiet');
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  for (const key of ['wrong', 'missed', 'precision', 'recall', 'f1', 'exactMatch']) assert.ok(key in report.extraction, key);
  assert.ok('cohenKappa' in report.agreement && 'krippendorffAlpha' in report.agreement);
  assert.equal(report.extraction.wrong.count, 2);
  assert.equal(report.agreement.pairs.length, 1);
});

test('imagery report --format md and html show the same figures, html self-contained and escaped', async (t) => {
  const dir = makeTempDir(t, 'imagery-report-cli-');
  await writeFixture(dir);
  const md = await runCli('report', dir, '--quiet');
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /\| wrong \(share of extracted\) \| 50\.0% \(95% CI \d+\.\d–\d+\.\d%; 2\/4\) \| 0% \|/);
  assert.match(md.stdout, /Cohen's kappa -0\.333, Krippendorff's alpha -0\.167 over 4 requests/);
  const html = await runCli('report', dir, '--format', 'html', '--quiet');
  assert.equal(html.code, 0, html.stderr);
  assert.match(html.stdout, /^<!doctype html>/);
  assert.match(html.stdout, /<td>50\.0% \(95% CI \d+\.\d–\d+\.\d%; 2\/4\)<\/td>/);
  assert.doesNotMatch(html.stdout, /<script|src=|href=/);
});

test('imagery report --queue: a name is looked up beside the shards; a missing queue is one clear error', async (t) => {
  const dir = makeTempDir(t, 'imagery-report-cli-');
  await writeFixture(dir);
  assert.equal((await runCli('sample', dir, '--requests', '2', '--seed', '3', '--name', 'pilot', '--quiet')).code, 0);
  const result = await runCli('report', dir, '--queue', 'pilot', '--json', '--quiet');
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.deepEqual(report.scope.queue, { name: 'pilot', unit: 'requests', items: 2, found: 2 });
  assert.equal(report.scope.requests, 2);
  const missing = await runCli('report', dir, '--queue', 'nope', '--quiet');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^imagery: .*nope\.queue\.json: no such review queue/m);
  const format = await runCli('report', dir, '--format', 'pdf');
  assert.equal(format.code, 2);
  assert.match(format.stderr, /--format must be md, json or html/);
});
