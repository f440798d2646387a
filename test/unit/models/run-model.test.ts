// runModel end to end against the loopback server: images and their limits,
// provenance, the stored event, and scoring against the corrected truth.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { replay } from '../../../src/core/annotations/replay';
import type { RequestState } from '../../../src/core/annotations/state';
import { ModelRunError, type ModelFaultKind } from '../../../src/core/models/errors';
import { createOpenAIBackend } from '../../../src/core/models/openai-backend';
import { parseProfile } from '../../../src/core/models/profile';
import { runModel, type ModelRunOptions, type ModelRunSpec, type ModelRunTarget } from '../../../src/core/models/run-model';
import { OpenAIServer } from '../../helpers/openai-server';
import { makeDataset, makeRecord, PNG_BYTES } from './fixture';

const KEY = 'sk-run-SECRET-987654';
let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

const TITLES = (...lines: string[]) => lines.map((line, i) => `${i + 1}. ${line}`).join('\n');

function options(extra: Partial<ModelRunOptions> = {}): ModelRunOptions {
  const profile = parseProfile({
    name: 'my local',
    baseUrl: `${server.baseUrl}?tenant=x`,
    model: 'vision-1',
    headers: { 'x-team': 'a' },
  });
  return { profile, backend: createOpenAIBackend({ profile, apiKey: KEY }), ...extra };
}

async function fails(promise: Promise<unknown>, kind: ModelFaultKind): Promise<ModelRunError> {
  const error = await promise.then(
    () => assert.fail('expected a fault'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ModelRunError, String(error));
  assert.equal(error.kind, kind, error.message);
  return error;
}

const titleSpec: ModelRunSpec = { task: 'rec_title', prompt: 'standard', input: { kind: 'images' } };

describe('runModel', () => {
  test('provenance: profile, model, host only, task, prompt, input, sha256 of the messages, times, usage, finish reason', async (t) => {
    const record = makeRecord();
    const { shardFile } = makeDataset(t, [record]);
    server.enqueue({
      text: TITLES('blue hour - night owls'),
      usage: { prompt_tokens: 100, completion_tokens: 9, total_tokens: 109 },
    });
    const first = server.requests.length;
    const outcome = await runModel(titleSpec, { shardFile, record, state: undefined }, options());
    const body = server.requests[first].body;
    const { draft } = outcome;
    assert.equal(draft.type, 'model-run');
    assert.equal(draft.request, 'r1');
    assert.equal(draft.profile, 'my local');
    assert.equal(draft.backend, 'openai');
    assert.equal(draft.model, 'vision-1');
    assert.equal(draft.host, `127.0.0.1:${server.port}`);
    assert.deepEqual([draft.task, draft.prompt, draft.input], ['rec_title', 'standard', 'image']);
    assert.equal(draft.messagesSha256, createHash('sha256').update(JSON.stringify(body.messages)).digest('hex'));
    assert.ok(Date.parse(draft.endedAt) >= Date.parse(draft.startedAt));
    assert.equal(Date.parse(draft.endedAt) - Date.parse(draft.startedAt), draft.latencyMs);
    assert.deepEqual(draft.usage, { promptTokens: 100, completionTokens: 9, totalTokens: 109 });
    assert.equal(draft.finishReason, 'stop');
    assert.deepEqual([draft.temperature, draft.temperatureApplied, draft.maxTokens], [0, true, 500]);
    assert.equal(draft.answer, '1. blue hour - night owls');
    assert.equal(draft.unparseable, undefined);
    assert.ok(!JSON.stringify(draft).includes(KEY), 'no key in the stored run');
    assert.ok(!JSON.stringify(draft).includes('tenant'), 'no path or query of the base URL');
  });

  test('scores at once: per title the matched item and distance, or a creator match; Hit@1/10/20', async (t) => {
    const record = makeRecord();
    const { shardFile } = makeDataset(t, [record]);
    server.enqueue({ text: TITLES('nobody - nothing', 'blue hour - night owl', 'zed band - some song') });
    const { score } = await runModel(titleSpec, { shardFile, record, state: undefined }, options());
    assert.equal(score.task, 'rec_title');
    if (score.task !== 'rec_title') return;
    assert.deepEqual(score.titles, [
      { title: 'nobody - nothing', match: null },
      { title: 'blue hour - night owl', match: { kind: 'item', item: 'blue hour - night owls', distance: 1 } },
      { title: 'zed band - some song', match: { kind: 'creator', item: 'zed band' } },
    ]);
    assert.deepEqual([score.hit1, score.hit10, score.hit20], [0, 1, 1]);
  });

  test('scoring follows the CURRENT corrected truth: a correction made first changes the score', async (t) => {
    const record = makeRecord();
    const { shardFile } = makeDataset(t, [record]);
    const answer = TITLES('rain maker - first light');
    server.answerWith({ text: answer });
    try {
      const before = await runModel(titleSpec, { shardFile, record, state: undefined }, options());
      assert.equal(before.score.task === 'rec_title' && before.score.hit1, 0);
      // The annotator corrects comment c1: it recommended "rain maker - first light".
      const log = AnnotationLog.open(shardFile, 'ana');
      await log.append({
        type: 'extraction',
        request: 'r1',
        comment: 'c1',
        verdict: 'corrected',
        items: ['rain maker - first light'],
      });
      const state = replay((await AnnotationLog.readAll(shardFile)).events).get('r1');
      const corrected = await runModel(titleSpec, { shardFile, record, state }, options());
      assert.equal(corrected.score.task === 'rec_title' && corrected.score.hit1, 1);
      // A corrected request's S_r is the paper's rule over the corrected extraction: first-mention order (c1 first).
      assert.deepEqual(corrected.score.task === 'rec_title' && corrected.score.groundTruth, [
        'rain maker - first light',
        'zed band',
      ]);
    } finally {
      server.answerWith({ text: 'ok' });
    }
  });

  test('multiple choice: the pick as the paper reads it (an answer starting with "A" falls through), right or wrong', async (t) => {
    const record = makeRecord();
    const { shardFile } = makeDataset(t, [record]);
    const spec: ModelRunSpec = { task: 'rec_choice', prompt: 'standard', input: { kind: 'images' } };
    server.enqueue({ text: 'B. blue hour - night owls' }, { text: 'A: alpha (not B. blue)' }, { text: 'A' });
    const target: ModelRunTarget = { shardFile, record, state: undefined };
    const right = await runModel(spec, target, options());
    assert.deepEqual(right.score, { task: 'rec_choice', pick: 1, pickLetter: 'B', trueIndex: 1, correct: true });
    const quirk = await runModel(spec, target, options());
    assert.deepEqual(quirk.score, { task: 'rec_choice', pick: 1, pickLetter: 'B', trueIndex: 1, correct: true });
    const none = await runModel(spec, target, options());
    assert.deepEqual(none.score, { task: 'rec_choice', pick: null, pickLetter: null, trueIndex: 1, correct: false });
    assert.equal(none.parseable, false);
    assert.equal(none.draft.unparseable, true);
  });

  test('an unparseable title answer is returned, marked, and scored with zero titles', async (t) => {
    const record = makeRecord();
    const { shardFile } = makeDataset(t, [record]);
    server.enqueue({ text: 'I cannot see the image, sorry.' });
    const outcome = await runModel(titleSpec, { shardFile, record, state: undefined }, options());
    assert.equal(outcome.parseable, false);
    assert.equal(outcome.answer, 'I cannot see the image, sorry.');
    assert.deepEqual(outcome.score.task === 'rec_title' && outcome.score.titles, []);
    assert.equal(outcome.draft.unparseable, true);
  });

  test('an empty answer is a fault (no run to record)', async (t) => {
    const record = makeRecord();
    const { shardFile } = makeDataset(t, [record]);
    server.enqueue({ text: '   \n ' });
    await fails(runModel(titleSpec, { shardFile, record, state: undefined }, options()), 'empty-answer');
  });

  test('an image over the limit fails naming the file and the limit', async (t) => {
    const record = makeRecord();
    const { shardFile } = makeDataset(t, [record]);
    const first = server.requests.length;
    const error = await fails(
      runModel(titleSpec, { shardFile, record, state: undefined }, options({ images: { maxBytes: 8 } })),
      'image-too-large',
    );
    assert.match(error.message, /images\/music\/a\.png is 12 bytes, over the limit of 8 bytes/);
    assert.equal(server.requests.length, first, 'nothing sent');
  });

  test('no usable image: says why for each; remote URLs only when allowed', async (t) => {
    const record = makeRecord({
      images: [
        { path: 'images/music/missing.png', url: 'https://i.example.invalid/m.png' },
        { path: null, url: 'https://i.example.invalid/n.png' },
      ],
    });
    const { shardFile } = makeDataset(t, [record]);
    const error = await fails(runModel(titleSpec, { shardFile, record, state: undefined }, options()), 'no-usable-image');
    assert.match(error.message, /missing\.png: file not found/);
    assert.match(error.message, /remote image URLs are not allowed/);
    const first = server.requests.length;
    server.enqueue({ text: TITLES('a - b') });
    await runModel(titleSpec, { shardFile, record, state: undefined }, options({ images: { allowRemote: true } }));
    const parts = server.requests[first].body.messages[0].content.slice(1);
    assert.deepEqual(
      parts.map((part: any) => part.image_url.url),
      ['https://i.example.invalid/m.png', 'https://i.example.invalid/n.png'],
    );
  });

  test('a request without images cannot run with image input', async (t) => {
    const record = makeRecord({ images: [] });
    const { shardFile } = makeDataset(t, [record]);
    const error = await fails(runModel(titleSpec, { shardFile, record, state: undefined }, options()), 'no-usable-image');
    assert.match(error.message, /the request has no images/);
  });

  test('image paths stay confined to the image folders: .., absolute paths and symlinks out are refused', async (t) => {
    const { root, shardFile } = makeDataset(t);
    const outside = path.join(path.dirname(root), `${path.basename(root)}-outside`);
    mkdirSync(outside, { recursive: true });
    t.after(() => import('node:fs').then((fs) => fs.rmSync(outside, { recursive: true, force: true })));
    writeFileSync(path.join(outside, 'secret.png'), 'x');
    symlinkSync(path.join(outside, 'secret.png'), path.join(root, 'shards', 'images', 'music', 'link.png'));
    const record = makeRecord({
      images: [
        { path: `../../${path.basename(outside)}/secret.png`, url: null },
        { path: path.join(outside, 'secret.png'), url: null },
        { path: 'images/music/link.png', url: null },
      ],
    });
    const error = await fails(runModel(titleSpec, { shardFile, record, state: undefined }, options()), 'no-usable-image');
    assert.equal(error.message.match(/refused, the path leaves the image folders/g)?.length, 3);
  });

  test("image roots from the caller (the editor's, or the import manifest's) admit a folder outside the dataset", async (t) => {
    const { root, shardFile } = makeDataset(t);
    const release = path.join(path.dirname(root), `${path.basename(root)}-release`);
    mkdirSync(release, { recursive: true });
    t.after(() => import('node:fs').then((fs) => fs.rmSync(release, { recursive: true, force: true })));
    writeFileSync(path.join(release, 'c.png'), PNG_BYTES);
    const record = makeRecord({ images: [{ path: `../../${path.basename(release)}/c.png`, url: null }] });
    await fails(runModel(titleSpec, { shardFile, record, state: undefined }, options()), 'no-usable-image');
    server.enqueue({ text: TITLES('a - b') });
    const first = server.requests.length;
    await runModel(titleSpec, { shardFile, record, state: undefined, imageRoots: [realpathSync(release)] }, options());
    assert.equal(
      server.requests[first].body.messages[0].content[1].image_url.url,
      `data:image/png;base64,${PNG_BYTES.toString('base64')}`,
    );
  });

  test('inline description runs count as input (latest of that model), and desc:<model> without one says which exist', async (t) => {
    const record = makeRecord({ runs: [{ model: 'stored-desc', input: 'image', task: 'description', answer: ['old'] }] });
    const { shardFile } = makeDataset(t, [record]);
    server.enqueue({ text: 'a misty harbour' }, { text: 'a dark alley' });
    const described = await runModel(
      { task: 'description', prompt: 'standard', input: { kind: 'images' } },
      { shardFile, record, state: undefined },
      options(),
    );
    const log = AnnotationLog.open(shardFile, 'ana');
    const [event] = await log.append(described.draft);
    const state: RequestState | undefined = replay((await log.read()).events).get('r1');
    assert.equal(state?.runs?.[0].key, `inline:${event.id}`);
    const first = server.requests.length;
    server.enqueue({ text: TITLES('a - b') });
    const outcome = await runModel(
      { task: 'rec_title', prompt: 'standard', input: { kind: 'descriptions', model: 'vision-1' } },
      { shardFile, record, state },
      options(),
    );
    assert.match(server.requests[first].body.messages[0].content[0].text, /Image 1: a misty harbour\nImage 2: a dark alley\n$/);
    assert.equal(outcome.draft.descriptionsFrom, `inline:${event.id}`);
    const error = await fails(
      runModel(
        { task: 'rec_title', prompt: 'standard', input: { kind: 'descriptions', model: 'nobody' } },
        { shardFile, record, state },
        options(),
      ),
      'no-descriptions',
    );
    assert.match(error.message, /desc:stored-desc, desc:vision-1/);
  });

  test('rec_choice on a request without candidates is not applicable', async (t) => {
    const record = makeRecord({ choice: null });
    const { shardFile } = makeDataset(t, [record]);
    await fails(
      runModel(
        { task: 'rec_choice', prompt: 'standard', input: { kind: 'images' } },
        { shardFile, record, state: undefined },
        options(),
      ),
      'not-applicable',
    );
  });

  test('cancelling a description run between images stops before the next call', async (t) => {
    const record = makeRecord();
    const { shardFile } = makeDataset(t, [record]);
    const controller = new AbortController();
    const first = server.requests.length;
    server.enqueue({ text: 'one' }, { text: 'two' });
    await fails(
      runModel(
        { task: 'description', prompt: 'standard', input: { kind: 'images' } },
        { shardFile, record, state: undefined },
        options({
          signal: controller.signal,
          callbacks: { onCall: (index) => index === 1 && controller.abort() },
        }),
      ),
      'cancelled',
    );
    assert.equal(server.requests.length - first, 1);
    server.answerWith({ text: 'ok' });
  });
});

test('with no image roots given, the default is the image folders: never the disk, the home folder or the dataset folder', async () => {
  const { imageRootsFor } = await import('../../../src/core/image-roots');
  const { realpathSync, mkdtempSync, mkdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const home = realpathSync(mkdtempSync(path.join(tmpdir(), 'home-')));
  const folders = async (shardFile: string) =>
    (await imageRootsFor({ shardFile, workspaceFolders: [], trustManifest: true, home })).imageFolders;
  mkdirSync(path.join(home, 'Downloads'));
  assert.deepEqual(await folders(path.join(home, 'Downloads', 'x.shard.jsonl')), []);
  assert.deepEqual(await folders(path.join(home, 'x.shard.jsonl')), []);
  assert.deepEqual(await folders('/x.shard.jsonl'), []);
  mkdirSync(path.join(home, 'data', 'shards', 'images', 'books'), { recursive: true });
  assert.deepEqual(await folders(path.join(home, 'data', 'shards', 'x.shard.jsonl')), [
    path.join(home, 'data', 'shards', 'images', 'books'),
  ]);
});
