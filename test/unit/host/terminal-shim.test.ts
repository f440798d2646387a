// The `imagery` shims' exact text: paths quoted so that neither sh nor cmd.exe
// reads anything in them (a folder named `$(touch x)` or `%PATH%`). The sh shim
// is also run for real from such a folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cmdQuote, shimScripts } from '../../../src/host/terminal-shim';
import { makeTempDir } from '../annotations/temp';

test('the .cmd shim doubles % so %VAR% in a path is not expanded, and turns delayed expansion off', () => {
  const { cmd } = shimScripts('C:\\Users\\%USERNAME%\\Code.exe', 'C:\\ext\\100%!x!\\dist\\cli.js', true);
  assert.equal(
    cmd,
    [
      '@echo off',
      'rem Written by the Imagery Annotator extension: runs its bundled command line.',
      'setlocal DisableDelayedExpansion',
      'set ELECTRON_RUN_AS_NODE=1',
      '"C:\\Users\\%%USERNAME%%\\Code.exe" "C:\\ext\\100%%!x!\\dist\\cli.js" %*',
      '',
    ].join('\r\n'),
  );
});

test('a path with a quote or a line break gets no .cmd shim (it cannot be quoted for cmd.exe)', () => {
  assert.equal(cmdQuote('C:\\a"b'), null);
  assert.equal(cmdQuote('C:\\a\r\nb'), null);
  assert.equal(shimScripts('/usr/bin/node', '/x/"quoted"/cli.js', false).cmd, null);
  assert.equal(cmdQuote('C:\\plain\\node.exe'), '"C:\\plain\\node.exe"');
});

test(
  'the sh shim runs from a folder named with quotes, $(…) and %VAR%, passing arguments through untouched',
  { skip: process.platform === 'win32' && 'sh shim' },
  (t) => {
    const dir = path.join(makeTempDir(t, 'imagery-shim-'), `it's $(touch PWNED) %PATH% \`id\``);
    mkdirSync(dir);
    const node = path.join(dir, 'node');
    symlinkSync(process.execPath, node);
    const cli = path.join(dir, 'cli.js');
    writeFileSync(cli, 'process.stdout.write(JSON.stringify(process.argv.slice(2)))');
    const { sh, cmd } = shimScripts(node, cli, false);
    assert.notEqual(cmd, null);
    const shim = path.join(dir, 'imagery');
    writeFileSync(shim, sh);
    chmodSync(shim, 0o755);
    const ran = spawnSync(shim, ['a b', '$HOME', "'"], { cwd: path.dirname(dir), encoding: 'utf8' });
    assert.equal(ran.status, 0, ran.stderr);
    assert.deepEqual(JSON.parse(ran.stdout), ['a b', '$HOME', "'"]);
    assert.equal(existsSync(path.join(path.dirname(dir), 'PWNED')), false);
  },
);
