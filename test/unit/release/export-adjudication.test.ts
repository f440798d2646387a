// The export takes the adjudicated value, then agreement, then the reported rule.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { exportCorrected } from '../../../src/core/release/export';
import { formatExportSummary } from '../../../src/core/release/export-summary';
import { makeTempDir } from '../annotations/temp';
import { writeFixture } from '../report/fixture';

test('an adjudication changes the export, and the rule-decided rest is reported', async (t) => {
  const dir = makeTempDir(t, 'imagery-adjudicate-');
  const shard = await writeFixture(dir);
  const irrelevant = (out: string) => readFileSync(path.join(out, 'data', 'irrelevant_submissions.csv'), 'utf8');

  const before = await exportCorrected([shard], path.join(dir, 'before'), { seed: 1 });
  // r2: Ana invalid, Ben valid later: the rule takes Ben's "valid"; r3: Ben's "invalid" by the rule.
  assert.doesNotMatch(irrelevant(path.join(dir, 'before')), /r2/);
  assert.match(irrelevant(path.join(dir, 'before')), /musicsuggestions,r3,Not a rec request/);
  assert.deepEqual(before.resolution.validity, { adjudicated: 0, agreed: 2, single: 0, rule: 2 });
  const text = formatExportSummary(before);
  assert.match(
    text,
    /decisions: validity 0 adjudicated, 2 agreed, 0 by one annotator, 2 by the rule; extraction 0 adjudicated, 1 agreed, 1 by one annotator, 2 by the rule/,
  );
  assert.match(text, /decided by the rule \(where annotators disagree .*\): 4: "r1\/c1", "r1\/c2", "r2", "r3"/);

  await AnnotationLog.open(shard, 'rita').append({
    type: 'adjudication',
    request: 'r2',
    verdict: 'invalid',
    reason: 'Image is text',
  });
  const after = await exportCorrected([shard], path.join(dir, 'after'), { seed: 1 });
  assert.match(irrelevant(path.join(dir, 'after')), /ifyoulikeblank,r2,Image is text/);
  assert.deepEqual(after.resolution.validity, { adjudicated: 1, agreed: 2, single: 0, rule: 1 });
  assert.deepEqual(after.domains[0].invalidated, ['r2', 'r3']);
});
