// The questions "Import Release…" asks, one quick pick each, in the order a
// person decides: which release, which domains, where the shards go, images,
// shard size, unsampled requests. Any Escape cancels the whole import.
import path from 'node:path';
import * as vscode from 'vscode';
import { checkReleaseLayout, describeMissing } from '../../core/release/import-release';
import { DEFAULT_SHARD_SIZE } from '../../core/release/import-shards';
import { domainFiles } from '../../core/release/layout';
import type { Domain } from '../../core/shard/schema';
import { notify } from '../notify';
import { uiText } from '../../core/untrusted-text';

export interface ImportChoices {
  releaseDir: string;
  domains: Domain[];
  outDir: string;
  copyImages: boolean;
  shardSize: number;
  includeUnsampled: boolean;
}

const STEPS = 6;
const SHARD_SIZES = [50, 100, 200, 500];

function title(step: number): string {
  return `Import Release (${step}/${STEPS})`;
}

interface Pick<T> extends vscode.QuickPickItem {
  value: T;
}

async function pickOne<T>(step: number, placeHolder: string, items: Pick<T>[]): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(items, { title: title(step), placeHolder, ignoreFocusOut: true });
  return picked?.value;
}

/** The release folder, checked: when it is not a release, says what is missing and returns undefined. */
export async function pickRelease(given?: vscode.Uri): Promise<{ dir: string; domains: Domain[] } | undefined> {
  const uri =
    given ??
    (
      await vscode.window.showOpenDialog({
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        title: `${title(1)}: the release folder (it holds data/processed/<domain>/)`,
        openLabel: 'Import This Release',
      })
    )?.[0];
  if (!uri) return undefined;
  const dir = uri.fsPath;
  const layout = checkReleaseLayout(dir);
  if (layout.domains.length === 0) {
    void notify.error(`${describeMissing(dir, layout)} Nothing was imported.`);
    return undefined;
  }
  return { dir, domains: layout.domains };
}

async function pickDomains(available: Domain[]): Promise<Domain[] | undefined> {
  const items: Pick<Domain[]>[] = [];
  if (available.length > 1) items.push({ label: 'Books and music', description: 'both domains', value: [...available] });
  for (const domain of available)
    items.push({ label: domain === 'music' ? 'Music' : 'Books', description: `data/processed/${domain}/`, value: [domain] });
  return pickOne(2, 'Which domains to import', items);
}

async function pickTarget(): Promise<string | undefined> {
  const choose = 'choose';
  const items: Pick<string>[] = (vscode.workspace.workspaceFolders ?? []).map((folder) => ({
    label: uiText(`shards/ in ${folder.name}`),
    description: uiText(path.join(folder.uri.fsPath, 'shards')),
    value: path.join(folder.uri.fsPath, 'shards'),
  }));
  items.push({ label: 'Choose a folder…', description: 'anywhere on disk', value: choose });
  const picked = await pickOne(3, 'Where the shards go', items);
  if (picked !== choose) return picked;
  const uri = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    title: title(3),
    openLabel: 'Put Shards Here',
  });
  return uri?.[0]?.fsPath;
}

async function pickCopyImages(): Promise<boolean | undefined> {
  // Either way the editor may show them: the import records the image folder beside the shards (imagery-images.json).
  return pickOne(4, 'Images', [
    { label: 'Point into the release', description: 'no copy; the shards need the release where it is', value: false },
    {
      label: 'Copy images beside the shards',
      description: 'into images/<domain>/; the shards work without the release',
      value: true,
    },
  ]);
}

async function pickShardSize(): Promise<number | undefined> {
  const custom = 0;
  const items: Pick<number>[] = SHARD_SIZES.map((size) => ({
    label: `${size} requests per shard`,
    description: size === DEFAULT_SHARD_SIZE ? 'default' : undefined,
    value: size,
  }));
  items.sort((a, b) => Number(b.value === DEFAULT_SHARD_SIZE) - Number(a.value === DEFAULT_SHARD_SIZE));
  items.push({ label: 'Another size…', value: custom });
  const picked = await pickOne(5, 'Shard size', items);
  if (picked !== custom) return picked;
  const text = await vscode.window.showInputBox({
    title: title(5),
    prompt: 'Requests per shard',
    value: String(DEFAULT_SHARD_SIZE),
    ignoreFocusOut: true,
    validateInput: (value) => (/^\d+$/.test(value.trim()) && Number(value) >= 1 ? undefined : 'A whole number, 1 or more'),
  });
  return text === undefined ? undefined : Number(text.trim());
}

async function pickUnsampled(releaseDir: string, domains: readonly Domain[]): Promise<boolean | undefined> {
  const both = domains.some((domain) => {
    const files = domainFiles(releaseDir, domain);
    return files.submissionsNs !== undefined && files.submissionsAll !== undefined;
  });
  // Without both files there is nothing to choose.
  if (!both) return false;
  return pickOne(6, 'Requests', [
    { label: 'Only the benchmark’s requests', description: 'submissions_ns.jsonl', value: false },
    { label: 'Also the unsampled requests', description: 'from submissions.jsonl, without multiple choice', value: true },
  ]);
}

/** Asks every question; undefined when the person cancels or the folder is not a release. */
export async function askImportChoices(release?: vscode.Uri): Promise<ImportChoices | undefined> {
  const picked = await pickRelease(release);
  if (!picked) return undefined;
  const domains = await pickDomains(picked.domains);
  if (!domains) return undefined;
  const outDir = await pickTarget();
  if (!outDir) return undefined;
  const copyImages = await pickCopyImages();
  if (copyImages === undefined) return undefined;
  const shardSize = await pickShardSize();
  if (shardSize === undefined) return undefined;
  const includeUnsampled = await pickUnsampled(picked.dir, domains);
  if (includeUnsampled === undefined) return undefined;
  return { releaseDir: picked.dir, domains, outDir, copyImages, shardSize, includeUnsampled };
}
