// How far an import has come, for a progress bar: the CLI prints only the
// message, VS Code's notification also moves its bar by `done / total`.
import type { Domain } from '../shard/schema';

export interface ImportStep {
  domain: Domain;
  /** read: the release's files; build: one record per request; write: the shards (staged, then put in place). */
  phase: 'read' | 'build' | 'write';
  done: number;
  total: number;
}

export type ImportProgressFn = (message: string, step?: ImportStep) => void;

/** Requests between two progress reports while records are built. */
export const BUILD_REPORT_EVERY = 50;
