// Test-local reader of the released layout into ShardRecord-shaped objects
// (only what the paper's rules read). Not the importer: small and eager.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Domain, ShardRecord, StoredRun } from '../../../src/core/shard/schema';
import { SHARED_DATASET } from '../../helpers/dataset';

type Json = Record<string, any>;

export function readJsonl(file: string): Json[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Json);
}

export function processedPath(domain: Domain, file: string): string {
  return path.join(SHARED_DATASET, 'data', 'processed', domain, file);
}

export function readRecs(domain: Domain): Record<string, Record<string, number>> {
  return JSON.parse(readFileSync(processedPath(domain, 'recs.json'), 'utf8'));
}

/** Every stored run file of a task: model/domain/input and its path. */
export function runFiles(task: 'rec_title' | 'rec_choice'): { model: string; domain: Domain; input: string; file: string }[] {
  const root = path.join(SHARED_DATASET, 'intermediate');
  const found = [];
  for (const model of readdirSync(root)) {
    for (const domain of ['books', 'music'] as const) {
      const dir = path.join(root, model, domain);
      if (!existsSync(dir)) continue;
      for (const input of readdirSync(dir)) {
        const file = path.join(dir, input, `${task}.jsonl`);
        if (existsSync(file)) found.push({ model, domain, input, file });
      }
    }
  }
  return found;
}

/** Every request of submissions.jsonl (benchmark or not), with relevance, choice and stored runs. */
export function loadDomain(domain: Domain): ShardRecord[] {
  const recs = readRecs(domain);
  const choices = new Map(readJsonl(processedPath(domain, 'submissions_ns.jsonl')).map((d) => [d.submission_id, d]));
  const records = new Map<string, ShardRecord>();
  for (const d of readJsonl(processedPath(domain, 'submissions.jsonl'))) {
    const ns = choices.get(d.submission_id);
    records.set(d.submission_id, {
      schema_version: 1,
      id: d.submission_id,
      domain,
      subreddit: d.subreddit,
      title: d.title,
      selftext: d.selftext,
      author: d.author ?? null,
      permalink: d.permalink,
      created_utc: d.created_utc ?? null,
      over_18: Boolean(d.over_18),
      comment_ids: d.comment_ids ?? [],
      image_names: d.images ?? [],
      image_urls: d.image_urls ?? [],
      combined_image: d.combined_image ?? null,
      images: [],
      comments: [],
      relevance: Object.entries(recs[d.submission_id] ?? {}),
      choice: ns ? { choices: ns.choices, true_index: ns.true_index } : null,
      runs: [],
    });
  }
  for (const task of ['rec_title', 'rec_choice'] as const) {
    for (const run of runFiles(task).filter((r) => r.domain === domain)) {
      for (const d of readJsonl(run.file)) {
        const stored: StoredRun = { model: run.model, input: run.input, task, answer: d[task] };
        records.get(d.submission_id)?.runs.push(stored);
      }
    }
  }
  return [...records.values()];
}
