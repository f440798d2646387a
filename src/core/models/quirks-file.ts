// The command line's memory of what each profile's server takes (see
// server-quirks.ts): one small JSON file, by default
// $XDG_STATE_HOME/imagery-annotator/server-quirks.json (~/.local/state/...),
// or $IMAGERY_STATE_DIR/server-quirks.json. Losing it costs only retries.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileWhole } from '../write-whole';
import { QuirkMemory, quirksKey, readQuirks, type ServerQuirks } from './server-quirks';

export function quirksStateFile(env: NodeJS.ProcessEnv = process.env): string {
  const folder =
    env.IMAGERY_STATE_DIR ?? path.join(env.XDG_STATE_HOME ?? path.join(os.homedir(), '.local', 'state'), 'imagery-annotator');
  return path.join(folder, 'server-quirks.json');
}

/** Every profile's quirks in the file, by quirksKey; an absent or unreadable file is an empty one. */
export function readQuirksFile(file: string): Map<string, ServerQuirks> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return new Map();
  }
  const entries = Array.isArray(value) ? value : [];
  const quirks = new Map<string, ServerQuirks>();
  for (const entry of entries)
    if (Array.isArray(entry) && typeof entry[0] === 'string') quirks.set(entry[0], readQuirks(entry[1]));
  return quirks;
}

export interface FileQuirks {
  memory: QuirkMemory;
  /** Settles when every change learnt so far is on disk. */
  saved(): Promise<void>;
}

/** A profile's memory, read from `file` and written back (whole) after each change. */
export function fileQuirkMemory(file: string, profile: { name: string; baseUrl: string; model: string }): FileQuirks {
  const key = quirksKey(profile);
  let chain = Promise.resolve();
  const memory = new QuirkMemory(readQuirksFile(file).get(key) ?? {}, (quirks) => {
    chain = chain.then(async () => {
      const all = readQuirksFile(file);
      all.set(key, quirks);
      // Entries (not an object keyed by profile names): a name is data.
      await writeFileWhole(file, `${JSON.stringify([...all.entries()], null, 1)}\n`);
    });
    // A state file that cannot be written is no reason to fail a run.
    chain = chain.catch(() => undefined);
  });
  return { memory, saved: () => chain };
}
