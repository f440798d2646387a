// Runs the CLI in-process with captured stdout/stderr (the child-process test
// covers the real entry point).
import os from 'node:os';
import path from 'node:path';
import { run } from '../../../src/cli/run';

// What `imagery run` learns of servers goes to a test folder, never to the user's own state folder.
process.env.IMAGERY_STATE_DIR ??= path.join(os.tmpdir(), `imagery-test-state-${process.pid}`);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    out: (text) => (stdout += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (stderr += text.endsWith('\n') ? text : `${text}\n`),
  });
  return { code, stdout, stderr };
}

/** stderr lines that are not progress: errors and warnings. */
export const problemLines = (stderr: string): string[] => stderr.split('\n').filter((line) => line.startsWith('imagery: '));
