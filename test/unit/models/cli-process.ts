// Runs the real CLI entry point as a child process, asynchronously (the
// loopback model server lives in the test's own process).
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers/dataset';

export const KEY = 'sk-cli-SECRET-24680';

/** What `imagery run` learns of servers goes here, never to the user's own state folder. */
export const TEST_STATE_DIR = path.join(os.tmpdir(), `imagery-test-state-${process.pid}`);

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function imagery(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...argv], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        IMAGERY_DEBUG: '',
        OPENAI_API_KEY: KEY,
        OPENAI_BASE_URL: '',
        IMAGERY_PROFILES: '',
        IMAGERY_STATE_DIR: TEST_STATE_DIR,
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (part) => (stdout += part));
    child.stderr.on('data', (part) => (stderr += part));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `<command> --shard <shard> --request r1 --base-url <url> --model <model> --annotator ana` and `rest`. */
export function onRequestR1(command: string, shardFile: string, baseUrl: string, model: string, ...rest: string[]): string[] {
  return [
    command,
    '--shard',
    shardFile,
    '--request',
    'r1',
    '--base-url',
    baseUrl,
    '--model',
    model,
    '--annotator',
    'ana',
    ...rest,
  ];
}
