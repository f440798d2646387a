// Requests a batch run can never answer (no usable image, an unreadable line,
// no descriptions to give): kept apart from failures, so a batch with only
// those left is complete (exit 0), and listed in DIR/skipped/<model>/<input>/
// <task>.json, outside the release's layout, for `imagery eval --runs` to say
// how many were skipped and why.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Task } from '../../shard/schema';
import { writeFileWhole } from '../../write-whole';
import type { ModelFaultKind } from '../errors';

/** Why a request can never be answered, as the summary and eval print it. */
export const NEVER_ANSWERABLE = new Map<ModelFaultKind | 'unreadable', string>([
  ['no-usable-image', 'no usable image'],
  ['no-descriptions', 'no descriptions'],
  ['unreadable', 'unreadable line'],
]);

export interface SkippedRequest {
  /** The request id, or file:line for a line that could not be read. */
  id: string;
  shard: string;
  reason: string;
  message: string;
}

export interface SkippedFolder {
  outDir: string;
  model: string;
  input: string;
  task: Task;
}

export function skippedFile(folder: SkippedFolder): string {
  return path.join(folder.outDir, 'skipped', folder.model, folder.input, `${folder.task}.json`);
}

function readList(file: string): SkippedRequest[] {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const list = (value as { skipped?: unknown }).skipped;
    return Array.isArray(list) ? list.filter((entry): entry is SkippedRequest => typeof entry?.id === 'string') : [];
  } catch {
    return [];
  }
}

/** Merges this run's skipped requests into the file (an interrupted run reached only some), minus those answered now. */
export async function writeSkipped(
  folder: SkippedFolder,
  skipped: readonly SkippedRequest[],
  answered: (id: string) => boolean,
): Promise<void> {
  const file = skippedFile(folder);
  const existing = readList(file);
  const byId = new Map<string, SkippedRequest>();
  for (const entry of [...existing, ...skipped]) if (!answered(entry.id)) byId.set(entry.id, entry);
  if (byId.size === 0 && existing.length === 0) return;
  await writeFileWhole(file, `${JSON.stringify({ skipped: [...byId.values()] }, null, 1)}\n`);
}

/** "no usable image: 2, unreadable line: 1" */
export function countReasons(skipped: readonly { reason: string }[]): string {
  const counts = new Map<string, number>();
  for (const entry of skipped) counts.set(entry.reason, (counts.get(entry.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => `${reason}: ${count}`).join(', ');
}

const folders = (dir: string): string[] => {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
};

/** Every skipped list under DIR/skipped: "<model>/<input>/<task>" with its requests. */
export function readSkippedDir(outDir: string): { run: string; skipped: SkippedRequest[] }[] {
  const root = path.join(outDir, 'skipped');
  const found: { run: string; skipped: SkippedRequest[] }[] = [];
  for (const model of folders(root))
    for (const input of folders(path.join(root, model)))
      for (const name of readdirSync(path.join(root, model, input)).sort()) {
        if (!name.endsWith('.json')) continue;
        const skipped = readList(path.join(root, model, input, name));
        if (skipped.length) found.push({ run: `${model}/${input}/${name.slice(0, -'.json'.length)}`, skipped });
      }
  return found;
}
