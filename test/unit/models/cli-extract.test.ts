// `imagery extract` on one request, as a child process against the loopback
// server: what it prints per comment, --json, the events it appends, faults.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { OpenAIServer } from '../../helpers/openai-server';
import { imagery, KEY, onRequestR1 } from './cli-process';
import { makeDataset, makeRecord } from './fixture';

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

const MUSIC =
  'In the following text, extract all music tracks.            \nEach track should be in the Artist - Title format and separated by a newline.            \nIf an artist is mentioned without the title, output the artist only.            \nIf there are no mentions, output None.';

const args = (shardFile: string, ...rest: string[]) =>
  onRequestR1('extract', shardFile, server.baseUrl, 'gpt-3.5-turbo-0125', ...rest);

describe('imagery extract --shard --request', () => {
  test('every comment: the paper request per comment, the comparison printed, one event each', async (t) => {
    const { shardFile } = makeDataset(t, [makeRecord()]);
    await AnnotationLog.open(shardFile, 'bob').append({
      type: 'extraction',
      request: 'r1',
      comment: 'c2',
      verdict: 'corrected',
      items: ['Zed Band - First Song'],
    });
    server.enqueue({ text: '1. Blue Hour - Night Owls\n2. Moon Choir' }, { text: 'Zed Band' });
    const first = server.requests.length;
    const result = await imagery(args(shardFile));
    assert.equal(result.code, 0, result.stderr);
    const contents = server.requests.slice(first).map((request) => request.body.messages);
    assert.deepEqual(contents, [
      [{ role: 'user', content: `${MUSIC}\nTry Night Owls by Blue Hour` }],
      [{ role: 'user', content: `${MUSIC}\nAnything by Zed Band` }],
    ]);
    const lines = result.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 5), [
      'comment c1 (5 upvotes)',
      '  model items: blue hour - night owls; moon choir',
      '  adds (possible misses): moon choir',
      '  lacks (possible wrong items): -',
      '  agreed: blue hour - night owls',
    ]);
    assert.deepEqual(lines.slice(6, 11), [
      'comment c2 (2 upvotes)',
      '  model items: zed band',
      '  adds (possible misses): zed band',
      '  lacks (possible wrong items): Zed Band - First Song',
      '  agreed: -',
    ]);
    const events = (await AnnotationLog.open(shardFile, 'ana').read()).events;
    assert.deepEqual(
      events.map((event) => [event.type, (event as { comment?: string }).comment, (event as { answer?: string }).answer]),
      [
        ['extraction-run', 'c1', '1. Blue Hour - Night Owls\n2. Moon Choir'],
        ['extraction-run', 'c2', 'Zed Band'],
      ],
    );
    assert.ok(!result.stdout.includes(KEY) && !result.stderr.includes(KEY));
    const log = readFileSync(AnnotationLog.open(shardFile, 'ana').file, 'utf8');
    assert.ok(!log.includes(KEY), 'the key is never stored');
  });

  test('--comment and --json: one object with the answer, items, added, lacking, agreed and provenance', async (t) => {
    const { shardFile } = makeDataset(t, [makeRecord()]);
    server.enqueue({ text: 'None' });
    const result = await imagery(args(shardFile, '--comment', 'c1', '--json'));
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.request, 'r1');
    assert.equal(json.comments.length, 1);
    const [comment] = json.comments;
    assert.deepEqual(
      [comment.comment, comment.answer, comment.items, comment.added, comment.lacking, comment.agreed],
      ['c1', 'None', [], [], ['blue hour - night owls'], []],
    );
    assert.deepEqual(
      [comment.provenance.model, comment.provenance.host, comment.provenance.maxTokens],
      ['gpt-3.5-turbo-0125', `127.0.0.1:${server.port}`, 200],
    );
    const events = (await AnnotationLog.open(shardFile, 'ana').read()).events;
    assert.equal(events[0].id, comment.event);
  });

  test('an unknown comment is one line naming the shard; a fault keeps the answers before it', async (t) => {
    const { shardFile } = makeDataset(t, [makeRecord()]);
    const missing = await imagery(args(shardFile, '--comment', 'nope'));
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr.trim(), `imagery: ${shardFile}: request r1 has no comment "nope"`);
    server.enqueue({ text: 'Blue Hour' }, { status: 401, errorMessage: 'bad key' });
    const fault = await imagery(args(shardFile));
    assert.equal(fault.code, 1);
    assert.match(fault.stderr, /^imagery: unauthorized: .*\(1 comment\(s\) before it recorded in .*ana\.jsonl\)$/m);
    const events = (await AnnotationLog.open(shardFile, 'ana').read()).events;
    assert.deepEqual(
      events.map((event) => (event as { comment?: string }).comment),
      ['c1'],
    );
  });
});
