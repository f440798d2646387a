// The one label of a model run: the input is named as an input, so a text
// model run on descriptions never reads as if the describing model answered.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runLabel } from '../../webview/models/run-label';

describe('run label', () => {
  it('names the descriptions a stored run was given as its input, and the task in words', () => {
    assert.equal(
      runLabel({ model: 'gpt-3.5-turbo-0125', source: 'stored', input: 'gpt-4-vision-preview', task: 'rec_choice' }),
      'gpt-3.5-turbo-0125 · stored · on descriptions by gpt-4-vision-preview · multiple choice',
    );
    assert.equal(
      runLabel({ model: 'gpt-4o', source: 'inline', input: 'image', task: 'rec_title' }),
      'gpt-4o · inline · on the images · title generation',
    );
    assert.equal(
      runLabel({ model: 'OFA-huge', source: 'stored', input: 'image', task: 'description' }),
      'OFA-huge · stored · on the images · image description',
    );
  });

  it('names a live run by its profile and prompt', () => {
    assert.equal(
      runLabel({ model: 'tiny', source: 'profile local', input: 'llava', task: 'rec_title', prompt: 'coi' }),
      'tiny · profile local · on descriptions by llava · title generation · chain-of-imagery prompt',
    );
    assert.equal(
      runLabel({ model: 'tiny', source: 'profile local', input: 'image', task: 'rec_choice', prompt: 'standard' }),
      'tiny · profile local · on the images · multiple choice · standard prompt',
    );
  });
});
