// The annotation log against hostile or odd files: a symlink in place of the
// log, a BOM, two annotator names that map to one file, a retract in one
// annotator's log aimed at another's event.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { replayLogs } from '../../../src/core/annotations/merge';
import { annotationLogPath, annotationsDir } from '../../../src/core/annotations/paths';
import { readShardStates } from '../../../src/core/models/inline-runs';
import { makeTempDir } from './temp';

const note = (text: string) => ({ type: 'note' as const, request: 'r1', text });

function setup(t: Parameters<typeof makeTempDir>[0]) {
  const dir = makeTempDir(t);
  const shard = path.join(dir, 'music-001.shard.jsonl');
  writeFileSync(shard, '');
  return { dir, shard };
}

test(
  'a log that is a symlink is refused with a clear error, and its target is left alone',
  { skip: process.platform === 'win32' && 'symlinks need privileges' },
  async (t) => {
    const { dir, shard } = setup(t);
    const target = path.join(dir, 'elsewhere.txt');
    writeFileSync(target, 'keep me\n');
    mkdirSync(annotationsDir(shard));
    symlinkSync(target, annotationLogPath(shard, 'ana'));
    const log = AnnotationLog.open(shard, 'ana');
    await assert.rejects(log.append(note('x')), /annotation log is a symbolic link/);
    await assert.rejects(log.read(), /annotation log is a symbolic link/);
    await assert.rejects(AnnotationLog.readAll(shard), /annotation log is a symbolic link/);
    assert.equal(readFileSync(target, 'utf8'), 'keep me\n');
  },
);

test(
  'a dangling symlink as the log is refused too (nothing is created at its target)',
  { skip: process.platform === 'win32' && 'symlinks need privileges' },
  async (t) => {
    const { dir, shard } = setup(t);
    mkdirSync(annotationsDir(shard));
    const target = path.join(dir, 'created-through-link.jsonl');
    symlinkSync(target, annotationLogPath(shard, 'ana'));
    await assert.rejects(AnnotationLog.open(shard, 'ana').append(note('x')), /symbolic link/);
    assert.throws(() => readFileSync(target), /ENOENT/);
  },
);

test('a BOM at the start of a log does not cost its first event', async (t) => {
  const { shard } = setup(t);
  const written = await AnnotationLog.open(shard, 'ana').append(note('one'), note('two'));
  const file = annotationLogPath(shard, 'ana');
  writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));
  const log = AnnotationLog.open(shard, 'ana');
  const { events, warnings, cursor } = await log.read();
  assert.deepEqual(warnings, []);
  assert.deepEqual(events, written);
  const [third] = await log.append(note('three'));
  assert.deepEqual((await log.readFrom(cursor)).events, [third]);
  assert.deepEqual(
    (await AnnotationLog.readAll(shard)).events.map((e) => e.id),
    [...written, third].map((e) => e.id),
  );
});

test('names that map to one file ("Ana.B", "ana b", "ana_b") are refused, not silently shared', async (t) => {
  const { shard } = setup(t);
  await AnnotationLog.open(shard, 'Ana.B').append(note('mine'));
  for (const other of ['ana b', 'ana_b', 'ANA..B']) {
    await assert.rejects(AnnotationLog.open(shard, other).append(note('theirs')), (error: Error) => {
      assert.match(error.message, /holds the annotations of "Ana\.B"/);
      assert.ok(error.message.includes(JSON.stringify(other)), error.message);
      assert.match(error.message, /imageryAnnotator\.annotator/);
      return true;
    });
  }
  const { events } = await AnnotationLog.open(shard, 'Ana.B').read();
  assert.deepEqual(
    events.map((e) => e.type === 'note' && e.text),
    ['mine'],
  );
  // The same name in another case or Unicode spelling is the same annotator.
  await AnnotationLog.open(shard, 'ANA.b').append(note('again'));
});

test('two names equal in their first 64 characters do not share a file', async (t) => {
  const { shard } = setup(t);
  const stem = 'a'.repeat(64);
  await AnnotationLog.open(shard, `${stem} one`).append(note('one'));
  await assert.rejects(AnnotationLog.open(shard, `${stem} two`).append(note('two')), /holds the annotations of/);
});

test('a retract counts only against events of its own log', async (t) => {
  const { shard } = setup(t);
  const [anaVerdict] = await AnnotationLog.open(shard, 'ana').append({
    type: 'validity',
    request: 'r1',
    verdict: 'invalid',
    reason: 'Image is text',
  });
  await AnnotationLog.open(shard, 'bea').append({ type: 'retract', request: 'r1', target: anaVerdict.id });
  const all = await AnnotationLog.readAll(shard);
  assert.equal(replayLogs(all.perFile).get('r1')?.validity?.status, 'invalid');
  // Within one log, undo still works.
  await AnnotationLog.open(shard, 'ana').append({ type: 'retract', request: 'r1', target: anaVerdict.id });
  assert.equal(replayLogs((await AnnotationLog.readAll(shard)).perFile).has('r1'), false);
});

test("the CLI's shard states (audit, inline runs) keep a retract within its own log too", async (t) => {
  const { shard } = setup(t);
  const [invalid] = await AnnotationLog.open(shard, 'ana').append({
    type: 'validity',
    request: 'r1',
    verdict: 'invalid',
    reason: 'Image is text',
  });
  await AnnotationLog.open(shard, 'bea').append({ type: 'retract', request: 'r1', target: invalid.id });
  const { states } = await readShardStates([shard]);
  assert.equal(states.get(shard)?.get('r1')?.validity?.status, 'invalid');
});
