// A batch run's output folder from a clone or a zip may hold planted links:
// an answer file, or a folder under <out>/intermediate, that points elsewhere.
// The run refuses them, names the path, and leaves the target untouched.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AnswerWriter, readAnswered } from '../../../src/core/models/batch/answer-file';
import { OpenAIServer } from '../../helpers/openai-server';
import { makeTempDir } from '../annotations/temp';
import { runCli } from '../cli/run-cli';
import { knownAnswer, makeBatchDataset } from './batch-fixture';
import { KEY } from './cli-process';

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

const skip = process.platform === 'win32' && 'symlinks need privileges';
// Like a shell start-up file: a torn last line would be cut, and answers appended after it.
const PLANTED = 'export PATH=/usr/bin\nalias ls="ls -la"';

async function batch(t: Parameters<typeof makeTempDir>[0], out: string) {
  const { shardFile } = makeBatchDataset(t, 2);
  server.answerWith((request) => knownAnswer(request));
  process.env.OPENAI_API_KEY = KEY;
  t.after(() => delete process.env.OPENAI_API_KEY);
  const requestsBefore = server.requests.length;
  const result = await runCli(
    ...['run', '--shards', shardFile, '--out', out, '--task', 'rec_title', '--base-url', server.baseUrl, '--model', 'vision-1'],
  );
  return { ...result, asked: server.requests.length - requestsBefore };
}

describe('batch answer files and symlinks', { skip }, () => {
  test('an answer file that is a symlink is refused by name; its target is neither cut nor appended to', async (t) => {
    const dir = makeTempDir(t, 'imagery-links-');
    const target = path.join(dir, 'bashrc');
    writeFileSync(target, PLANTED);
    const out = path.join(dir, 'out');
    const answers = path.join(out, 'intermediate', 'vision-1', 'music', 'image', 'rec_title.jsonl');
    mkdirSync(path.dirname(answers), { recursive: true });
    symlinkSync(target, answers);
    const result = await batch(t, out);
    assert.equal(result.code, 1, result.stderr);
    assert.ok(result.stderr.includes(`${answers}: the answer file is a symbolic link; it is not followed`), result.stderr);
    assert.equal(result.asked, 0, 'the model was asked although nothing could be written');
    assert.equal(readFileSync(target, 'utf8'), PLANTED);
  });

  test('a linked folder under <out>/intermediate is refused by name; nothing is created where it points', async (t) => {
    const dir = makeTempDir(t, 'imagery-links-');
    const elsewhere = path.join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const out = path.join(dir, 'out');
    mkdirSync(path.join(out, 'intermediate', 'vision-1'), { recursive: true });
    const link = path.join(out, 'intermediate', 'vision-1', 'music');
    symlinkSync(elsewhere, link);
    const result = await batch(t, out);
    assert.equal(result.code, 1, result.stderr);
    assert.ok(result.stderr.includes(`${link}: a folder of the answer file is a symbolic link`), result.stderr);
    assert.deepEqual(readdirSync(elsewhere), []);
  });

  test('readAnswered and AnswerWriter refuse a link, dangling or not, and create nothing at its target', async (t) => {
    const dir = makeTempDir(t, 'imagery-links-');
    const target = path.join(dir, 'target.txt');
    writeFileSync(target, PLANTED);
    const link = path.join(dir, 'rec_title.jsonl');
    symlinkSync(target, link);
    await assert.rejects(readAnswered(link, 'rec_title'), {
      message: `${link}: the answer file is a symbolic link; it is not followed. Replace it with a regular file`,
    });
    await assert.rejects(AnswerWriter.open(link), /the answer file is a symbolic link/);
    assert.equal(readFileSync(target, 'utf8'), PLANTED);
    const dangling = path.join(dir, 'rec_choice.jsonl');
    const missing = path.join(dir, 'created-through-link');
    symlinkSync(missing, dangling);
    await assert.rejects(AnswerWriter.open(dangling), /the answer file is a symbolic link/);
    assert.equal(existsSync(missing), false);
  });
});
