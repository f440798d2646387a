// Settings a workspace must not set: its .vscode/settings.json travels with
// the shards and logs, so a cloned dataset could otherwise choose who you are
// (and so whose log your events go to) or where your model calls go.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../helpers/dataset';

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
};
const scopeOf = (setting: string): string | undefined => manifest.contributes.configuration.properties[setting]?.scope;

test('the annotator name is a user setting (application scope): a workspace cannot set it', () => {
  assert.equal(scopeOf('imageryAnnotator.annotator'), 'application');
});

test('model profiles and remote images stay machine-scoped', () => {
  assert.equal(scopeOf('imageryAnnotator.modelProfiles'), 'machine');
  assert.equal(scopeOf('imageryAnnotator.models.allowRemoteImages'), 'machine');
});
