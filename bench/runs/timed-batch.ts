// What both batch benchmarks share: the loopback answer server (its own
// process, so its work is not charged to the runner) and one timed batch.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { ChatBackend } from '../../src/core/models/backend';
import { createOpenAIBackend } from '../../src/core/models/openai-backend';
import { parseProfile, type ModelProfile } from '../../src/core/models/profile';
import { REPO_ROOT } from '../../test/helpers/dataset';

/** How long the loopback server waits before it answers. */
export const LATENCY_MS = 200;

export function startServer(): Promise<{ baseUrl: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'answer-server.ts'), String(LATENCY_MS)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (part: Buffer) => {
      text += part.toString();
      if (text.includes('\n')) resolve({ baseUrl: text.trim(), child });
    });
    child.on('exit', (code) => reject(new Error(`the answer server exited (${code})`)));
  });
}

export interface TimedBatch {
  perSecond: number;
  cpuMsPerAnswer: number;
  answered: number;
}

interface BatchOutcome {
  answered: number;
  failed: number;
  failures: readonly { message: string }[];
}

/** Runs one batch against the server and removes `dir`; any failure fails the figure. */
export async function timeBatch(
  baseUrl: string,
  model: string,
  dir: string,
  run: (profile: ModelProfile, backend: ChatBackend) => Promise<BatchOutcome>,
): Promise<TimedBatch> {
  const profile = parseProfile({ name: 'bench', baseUrl, model }, 'bench');
  const backend = createOpenAIBackend({ profile, apiKey: '', maxRetries: 0 });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await run(profile, backend);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  rmSync(dir, { recursive: true, force: true });
  if (summary.failed) throw new Error(`${summary.failed} answers failed: ${summary.failures[0]?.message}`);
  return {
    perSecond: summary.answered / seconds,
    cpuMsPerAnswer: (used.user + used.system) / 1000 / summary.answered,
    answered: summary.answered,
  };
}
