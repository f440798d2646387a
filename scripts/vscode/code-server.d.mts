// Types of code-server.mjs for the TypeScript end-to-end tests.
import type { Browser } from 'playwright-core';

export const DEFAULT_SETTINGS: Record<string, unknown>;

export interface CodeServer {
  url: string;
  port: number;
  root: string;
  logFile: string;
  workspace: string | undefined;
  userDataDir: string;
  stop(): Promise<void>;
}

export function startCodeServer(options?: {
  workspace?: string;
  settings?: Record<string, unknown>;
  vsix?: string;
  /** Unpackaged extension folders installed beside ours (test fixtures). */
  extensions?: string[];
  /** Ask whether the workspace is trusted (default: every workspace is trusted). */
  workspaceTrust?: boolean;
  port?: number;
  /** An earlier run's `root`: start again on its user data and extensions (stop() then leaves it). */
  dataRoot?: string;
  /** stop() leaves `root` (user data, extensions) for a later start; the caller removes it. */
  keepData?: boolean;
}): Promise<CodeServer>;

export function workbenchUrl(
  baseUrl: string,
  options?: { folder?: string; extensionDevelopmentPath?: string; extensionTestsPath?: string },
): string;

export function launchBrowser(): Promise<Browser>;
