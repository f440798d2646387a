// The answers "Add Model Profile…" takes: names safe as text and unique,
// http(s) URLs without credentials, a model name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseUrlProblem, modelNameProblem, newProfileEntry, profileNameProblem } from '../../../src/core/models/new-profile';

describe('new model profile answers', () => {
  it('takes plain names and refuses empty, taken, reserved or markup-like ones', () => {
    assert.equal(profileNameProblem('local qwen-2.5/vl', ['openai']), undefined);
    assert.equal(profileNameProblem('Ünïcode 4o', []), undefined);
    assert.equal(profileNameProblem('  ', []), 'Give the profile a name.');
    assert.equal(profileNameProblem('openai', ['openai']), 'A profile named "openai" exists already.');
    assert.equal(profileNameProblem(' openai ', ['openai']), 'A profile named "openai" exists already.');
    const plain = 'Use letters, digits, spaces and . _ - + @ / only, starting with a letter or digit.';
    for (const name of ['[x](command:y)', '$(alert) x', '<b>x</b>', 'a\u202eb', 'a\nb', '-x', 'a`b`', 'VS Code: fake'])
      assert.equal(profileNameProblem(name, []), plain, name);
    assert.equal(profileNameProblem('x'.repeat(65), []), 'Keep the name under 65 characters.');
    assert.equal(profileNameProblem('x'.repeat(64), []), undefined);
  });

  it('takes http(s) base URLs only, without credentials', () => {
    assert.equal(baseUrlProblem('https://api.openai.com/v1'), undefined);
    assert.equal(baseUrlProblem(' http://127.0.0.1:11434/v1 '), undefined);
    const wrong = 'Give an http(s) URL, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.';
    assert.equal(baseUrlProblem('ftp://host/v1'), wrong);
    assert.equal(baseUrlProblem('localhost:11434'), wrong);
    assert.equal(baseUrlProblem(''), wrong);
    assert.equal(
      baseUrlProblem('https://user:sk-1@host/v1'),
      'Leave credentials out of the URL: the key goes in with Set API Key.',
    );
  });

  it('needs a model name, and writes the trimmed answers', () => {
    assert.equal(modelNameProblem(' '), "Give the model's name as the server knows it, e.g. gpt-4o.");
    assert.equal(modelNameProblem('gpt-4o'), undefined);
    assert.deepEqual(newProfileEntry(' local ', ' http://127.0.0.1:1/v1 ', ' m '), {
      name: 'local',
      baseUrl: 'http://127.0.0.1:1/v1',
      model: 'm',
    });
  });
});
