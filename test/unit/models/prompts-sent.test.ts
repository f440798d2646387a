// The exact text and parts the model receives, for every task x prompt x
// domain, checked on the wire (real client, loopback server) against the
// literal texts of docs/paper-protocol.md.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createOpenAIBackend } from '../../../src/core/models/openai-backend';
import { parseProfile } from '../../../src/core/models/profile';
import { runModel, type ModelRunSpec } from '../../../src/core/models/run-model';
import type { ShardRecord } from '../../../src/core/shard/schema';
import { OpenAIServer } from '../../helpers/openai-server';
import { JPEG_BYTES, makeDataset, makeRecord, PNG_BYTES } from './fixture';

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

const STEP = 'Think step by step. First understand the given image(s) in detail, including its content, style, and vibe.';
const TITLE = {
  music: {
    standard:
      "Given the request, provide recommendations. Enumerate 20 music pieces (1., 2., ...) in the order of relevance. Each piece should take the Artist - Title format. Don't say anything else.",
    coi: `Given the request, provide recommendations. ${STEP} Then, think of music pieces that capture the essence of the image(s). Enumerate 20 music pieces (1., 2., ...) in the order of relevance. Each piece should take the Artist - Title format. Don't say anything else.`,
  },
  books: {
    standard:
      "Given the request, provide recommendations. Enumerate 20 books (1., 2., ...) in the order of relevance. Each book should take the Author - Title format. Don't say anything else.",
    coi: `Given the request, provide recommendations. ${STEP} Then, think of books that capture the essence of the image(s). Enumerate 20 books (1., 2., ...) in the order of relevance. Each book should take the Author - Title format. Don't say anything else.`,
  },
};
const CHOICE = {
  standard: "Given the request, choose which recommendation is the most suitable. Choose a single item. Don't say anything else.",
  coi: `Given the request, choose which recommendation is the most suitable. ${STEP} Then, carefully inspect each choice. Recall its content and see if it captures the essence of the image(s). Select the item that best captures this essence. Choose a single item. Don't say anything else.`,
};
const DESCRIBE = 'Describe this image in detail, including its content, style, and vibe.';
const REQUEST = 'Request:\nSongs that sound like this picture?\nRainy city at night.\n';
const CHOICES = 'Choices:\nA. alpha - one\nB. blue hour - night owls\nC. gamma - three\nD. delta - four\nE. echo - five\n';
const PNG_URL = `data:image/png;base64,${PNG_BYTES.toString('base64')}`;
const JPEG_URL = `data:image/jpeg;base64,${JPEG_BYTES.toString('base64')}`;

async function sent(t: { after: (fn: () => void) => void }, spec: ModelRunSpec, record: ShardRecord, answers = 1) {
  const { shardFile } = makeDataset(t, [record]);
  const profile = parseProfile({ name: 'local', baseUrl: server.baseUrl, model: 'vision-1', imageDetail: 'low' });
  const backend = createOpenAIBackend({ profile, apiKey: 'k' });
  const first = server.requests.length;
  const outcome = await runModel(spec, { shardFile, record, state: undefined }, { profile, backend });
  const requests = server.requests.slice(first);
  assert.equal(requests.length, answers);
  return { outcome, bodies: requests.map((request) => request.body) };
}

/** The one user message of a call: its text and its image parts. */
function partsOf(body: any): { text: string; images: unknown[] } {
  assert.equal(body.messages.length, 1, 'one message, no system message');
  assert.equal(body.messages[0].role, 'user');
  const [text, ...images] = body.messages[0].content;
  assert.equal(text.type, 'text', 'the prompt text comes first');
  return { text: text.text, images };
}

const images = [
  { type: 'image_url', image_url: { url: PNG_URL, detail: 'low' } },
  { type: 'image_url', image_url: { url: JPEG_URL, detail: 'low' } },
];

describe('the messages sent, exactly', () => {
  for (const domain of ['music', 'books'] as const) {
    for (const prompt of ['standard', 'coi'] as const) {
      test(`rec_title, ${prompt}, ${domain}: instruction, empty line, request, then one image part per image`, async (t) => {
        const { bodies } = await sent(t, { task: 'rec_title', prompt, input: { kind: 'images' } }, makeRecord({ domain }));
        const { text, images: parts } = partsOf(bodies[0]);
        assert.equal(text, `${TITLE[domain][prompt]}\n\n${REQUEST}`);
        assert.deepEqual(parts, images);
        assert.deepEqual(
          { model: bodies[0].model, temperature: bodies[0].temperature, max_tokens: bodies[0].max_tokens },
          { model: 'vision-1', temperature: 0, max_tokens: 500 },
        );
      });

      test(`rec_choice, ${prompt}, ${domain}: instruction, request, lettered choices (no empty line)`, async (t) => {
        const { bodies } = await sent(t, { task: 'rec_choice', prompt, input: { kind: 'images' } }, makeRecord({ domain }));
        const { text, images: parts } = partsOf(bodies[0]);
        assert.equal(text, `${CHOICE[prompt]}\n${REQUEST}${CHOICES}`);
        assert.deepEqual(parts, images);
      });
    }

    test(`description, ${domain}: one call per image, the instruction and that image alone`, async (t) => {
      server.enqueue({ text: 'first picture' }, { text: 'second picture' });
      const { bodies, outcome } = await sent(
        t,
        { task: 'description', prompt: 'standard', input: { kind: 'images' } },
        makeRecord({ domain }),
        2,
      );
      assert.deepEqual(
        bodies.map((body) => partsOf(body)),
        [
          { text: `${DESCRIBE}\n`, images: [images[0]] },
          { text: `${DESCRIBE}\n`, images: [images[1]] },
        ],
      );
      assert.deepEqual(outcome.answer, ['first picture', 'second picture']);
    });
  }

  test('description input: the "Image descriptions" block after the request, no image parts (title generation)', async (t) => {
    const record = makeRecord({
      runs: [{ model: 'describer', input: 'image', task: 'description', answer: ['a wet street', 'neon signs'] }],
    });
    const { bodies, outcome } = await sent(
      t,
      { task: 'rec_title', prompt: 'standard', input: { kind: 'descriptions', model: 'describer' } },
      record,
    );
    const { text, images: parts } = partsOf(bodies[0]);
    assert.equal(
      text,
      `${TITLE.music.standard}\n\n${REQUEST}\nImage descriptions:\nImage 1: a wet street\nImage 2: neon signs\n`,
    );
    assert.deepEqual(parts, []);
    assert.equal(outcome.draft.input, 'describer');
    assert.equal(outcome.draft.descriptionsFrom, 'describer/image/description');
  });

  test('description input with choices: the block sits before the choices; only the first 4 descriptions', async (t) => {
    const five = ['d1', 'd2', 'd3', 'd4', 'd5'];
    const record = makeRecord({ runs: [{ model: 'describer', input: 'image', task: 'description', answer: five }] });
    const { bodies } = await sent(
      t,
      { task: 'rec_choice', prompt: 'coi', input: { kind: 'descriptions', model: 'describer' } },
      record,
    );
    assert.equal(
      partsOf(bodies[0]).text,
      `${CHOICE.coi}\n${REQUEST}\nImage descriptions:\nImage 1: d1\nImage 2: d2\nImage 3: d3\nImage 4: d4\n${CHOICES}`,
    );
  });
});
