// The path and image rules live in one module (src/core/path-rules.ts): they
// are security rules, and a second copy drifts (they were once written three
// times). This fails on a function of theirs defined elsewhere, or on
// path.relative-based confinement (a `..` check) outside the module.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const HOME = 'src/core/path-rules.ts';

/** The rules' names: a definition of one of these anywhere else is a copy. */
const RULE_NAMES = ['isInside', 'isWithin', 'nameInside', 'safeRemoteUrl', 'httpsUrl', 'confineFile', 'tooWide', 'imageMime'];
const DEFINES = new RegExp(`\\b(?:function\\s*\\*?\\s*|(?:const|let|var)\\s+)(${RULE_NAMES.join('|')})\\b`, 'g');
/** A `..` test of a relative path: '..', `..${sep}`, startsWith('..'). */
const DOT_DOT_CHECK = /(['"`])\.\.\1|`\.\.\$\{|startsWith\(\s*['"`]\.\./;

/** The code without its comments (a comment may well say `..`). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

export function pathRuleCopies(source: string): string[] {
  const text = withoutComments(source);
  const found = [...text.matchAll(DEFINES)].map((match) => `defines ${match[1]}`);
  if (/\brelative\(/.test(text) && DOT_DOT_CHECK.test(text)) found.push('confines with path.relative and a `..` check');
  return found;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|js|mjs)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

test(`the path and image rules have one home (${HOME})`, () => {
  const copies = ['src', 'webview']
    .flatMap(sourceFiles)
    .filter((file) => file !== HOME)
    .flatMap((file) => pathRuleCopies(readFileSync(path.join(ROOT, file), 'utf8')).map((what) => `${file}: ${what}`));
  assert.deepEqual(copies, [], `use ${HOME} instead:\n${copies.join('\n')}`);
});

test('the check sees a copy in each form, and not a mere relative path or a `..` name check', () => {
  assert.deepEqual(pathRuleCopies('export function isInside(root: string, c: string) {}'), ['defines isInside']);
  assert.deepEqual(pathRuleCopies('const safeRemoteUrl = (url) => url;'), ['defines safeRemoteUrl']);
  assert.deepEqual(pathRuleCopies('function httpsUrl(u) {}\nasync function tooWide() {}'), [
    'defines httpsUrl',
    'defines tooWide',
  ]);
  const inline = "const rel = path.relative(root, file);\nif (rel.startsWith('..') || path.isAbsolute(rel)) refuse();";
  assert.deepEqual(pathRuleCopies(inline), ['confines with path.relative and a `..` check']);
  assert.deepEqual(pathRuleCopies("const r = relative(a, b);\nreturn r === '..';"), [
    'confines with path.relative and a `..` check',
  ]);
  assert.deepEqual(pathRuleCopies('return path.relative(from, to).split(path.sep).join("/");'), []);
  assert.deepEqual(pathRuleCopies("if (name === '..') throw new Error('bad');"), []);
  assert.deepEqual(pathRuleCopies("import { isInside } from '../path-rules';\nisInside(a, b);"), []);
  assert.deepEqual(pathRuleCopies('// path.relative keeps `..` physical\nconst r = path.relative(a, b);'), []);
});
