// Model profiles: defaults, the settings shapes the CLI reads, and clear errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseProfilesText, vscodeUserSettingsFile } from '../../../src/core/models/profile-file';
import { baseUrlHost, parseProfile } from '../../../src/core/models/profile';

test('a profile gets the paper defaults: temperature 0, 500 tokens, token parameter by host, detail auto, no headers', () => {
  assert.deepEqual(parseProfile({ name: 'o', baseUrl: 'http://localhost:11434/v1', model: 'llava' }), {
    name: 'o',
    baseUrl: 'http://localhost:11434/v1',
    model: 'llava',
    temperature: 0,
    maxTokens: 500,
    tokenParameter: 'auto',
    imageDetail: 'auto',
    headers: {},
  });
});

test('bad profiles say which field and why', () => {
  assert.throws(
    () => parseProfile({ name: 'x', baseUrl: 'localhost:11434', model: 'm' }),
    /model profile: must be an http\(s\) URL.* \(baseUrl\)/,
  );
  assert.throws(() => parseProfile({ name: 'x', baseUrl: 'http://h/v1', model: 'm', maxTokens: 0 }), /\(maxTokens\)/);
  assert.throws(() => parseProfile({ name: 'x', baseUrl: 'http://h/v1', model: 'm', imageDetail: 'ultra' }), /\(imageDetail\)/);
});

test('provenance keeps the host only: no path, query or credentials', () => {
  assert.equal(
    baseUrlHost('https://user:pw@my-resource.openai.azure.com/openai/v1?api-version=x'),
    'my-resource.openai.azure.com',
  );
  assert.equal(baseUrlHost('http://localhost:11434/v1'), 'localhost:11434');
});

test('VS Code settings (comments, trailing commas, extraHeaders), {profiles}, or a bare list', () => {
  const settings = `{
    // mine
    "imageryAnnotator.modelProfiles": [{ "name": "a", "baseUrl": "http://h/v1", "model": "m", "extraHeaders": { "x": "1" } },],
  }`;
  assert.deepEqual(parseProfilesText(settings, 's.json')[0].headers, { x: '1' });
  assert.equal(parseProfilesText('{"profiles":[{"name":"b","baseUrl":"http://h/v1","model":"m"}]}', 'p.json')[0].name, 'b');
  assert.equal(parseProfilesText('[{"name":"c","baseUrl":"http://h/v1","model":"m"}]', 'l.json')[0].name, 'c');
});

test('file errors name the file (and line), the profile and the problem', () => {
  assert.throws(() => parseProfilesText('{\n  "a": 1,\n  oops\n}', 's.json'), /^Error: s\.json:3: not JSON/);
  assert.throws(() => parseProfilesText('{"editor.fontSize": 12}', 's.json'), /s\.json: no "imageryAnnotator\.modelProfiles"/);
  assert.throws(() => parseProfilesText('[{"name":"a","baseUrl":"http://h/v1"}]', 'l.json'), /l\.json: profile 1: .*\(model\)/);
  assert.throws(
    () =>
      parseProfilesText(
        '[{"name":"a","baseUrl":"http://h/v1","model":"m"},{"name":"a","baseUrl":"http://h/v1","model":"n"}]',
        'l.json',
      ),
    /the profile name "a" is used twice/,
  );
});

test("VS Code's user settings file per platform", () => {
  assert.match(vscodeUserSettingsFile({ XDG_CONFIG_HOME: '/x' }, 'linux'), /^\/x\/Code\/User\/settings\.json$/);
  assert.match(
    vscodeUserSettingsFile({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32'),
    /Code[\\/]User[\\/]settings\.json$/,
  );
  assert.match(vscodeUserSettingsFile({}, 'darwin'), /Library\/Application Support\/Code\/User\/settings\.json$/);
});
