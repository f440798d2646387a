// Command names come from the command line: names of Object.prototype's
// members are unknown commands like any other, with a usage error, not a stack.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { problemLines, runCli } from './run-cli';

for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
  test(`"imagery ${name}" is an unknown command (exit 2, one line)`, async () => {
    const result = await runCli(name);
    assert.equal(result.code, 2);
    assert.deepEqual(problemLines(result.stderr), [`imagery: unknown command "${name}" (see "imagery help")`]);
    assert.equal(result.stdout, '');
  });

  test(`"imagery help ${name}" is an unknown help topic`, async () => {
    const result = await runCli('help', name);
    assert.equal(result.code, 2);
    assert.deepEqual(problemLines(result.stderr), [`imagery: help: unknown command "${name}" (see "imagery help")`]);
  });
}
