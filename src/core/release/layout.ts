// Where things live in the released dataset, and which file the importer
// reads when the release offers a choice. Only paths here: no parsing.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Task, type Domain } from '../shard/schema';

export const RELEASE_DOMAINS: readonly Domain[] = ['books', 'music'];

export interface DomainFiles {
  releaseDir: string;
  domain: Domain;
  /** Requests used in the benchmark (with choices), when released. */
  submissionsNs: string | undefined;
  /** Every request before negative sampling, when released. */
  submissionsAll: string | undefined;
  /** comments_processed.jsonl (with the extractor's answer) or comments.jsonl, when released. */
  comments: string | undefined;
  /** False when only raw comments.jsonl exists: extraction is then marked missing. */
  commentsHaveExtraction: boolean;
  recs: string | undefined;
  /** Folder of the local images of this domain (may not exist). */
  imagesDir: string;
}

/** A stored model run: intermediate/<model>/<domain>/<input>/<task>.jsonl. */
export interface RunFile {
  model: string;
  input: string;
  task: Task;
  file: string;
}

function existing(file: string): string | undefined {
  return existsSync(file) ? file : undefined;
}

export function processedDir(releaseDir: string, domain: Domain): string {
  return path.join(releaseDir, 'data', 'processed', domain);
}

/** True when `dir` looks like a release: it has data/processed. */
export function isReleaseDir(dir: string): boolean {
  return existsSync(path.join(dir, 'data', 'processed'));
}

/** Domains that have a processed folder in this release. */
export function releaseDomains(releaseDir: string): Domain[] {
  return RELEASE_DOMAINS.filter((domain) => existsSync(processedDir(releaseDir, domain)));
}

export function domainFiles(releaseDir: string, domain: Domain): DomainFiles {
  const dir = processedDir(releaseDir, domain);
  const processedComments = existing(path.join(dir, 'comments', 'comments_processed.jsonl'));
  return {
    releaseDir,
    domain,
    submissionsNs: existing(path.join(dir, 'submissions_ns.jsonl')),
    submissionsAll: existing(path.join(dir, 'submissions.jsonl')),
    comments: processedComments ?? existing(path.join(dir, 'comments', 'comments.jsonl')),
    commentsHaveExtraction: processedComments !== undefined,
    recs: existing(path.join(dir, 'recs.json')),
    imagesDir: path.join(releaseDir, 'data', 'processed', '_images', domain),
  };
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Every stored run of the domain, found by walking intermediate/, sorted by model, input, task. */
export function findRunFiles(releaseDir: string, domain: Domain): RunFile[] {
  const root = path.join(releaseDir, 'intermediate');
  const runs: RunFile[] = [];
  for (const model of subfolders(root)) {
    const domainDir = path.join(root, model, domain);
    for (const input of subfolders(domainDir)) {
      for (const task of Task.options) {
        const file = existing(path.join(domainDir, input, `${task}.jsonl`));
        if (file) runs.push({ model, input, task, file });
      }
    }
  }
  return runs;
}
