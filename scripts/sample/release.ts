// Writes the synthetic release layout (data/processed, _images, intermediate,
// irrelevant_submissions.csv) the way the public release lays it out.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { parseExtraction } from '../../src/core/paper/extraction';
import { positiveItem, relevance } from '../../src/core/paper/relevance';
import { itemPool, makeComments, type Item, type SampleComment } from './comments';
import { drawPng } from './images';
import type { NameGenerator } from './names';
import { OTHER_INVALID_POSTS, SAMPLE_REQUESTS, type SampleDomain, type SampleRequest } from './requests';
import { modelRuns, type RunLines } from './runs';

export const SAMPLE_MODEL = 'gpt-4-vision-preview';
const BASE_TIME = 1_700_000_000;
const IMAGE_SIZE = { width: 240, height: 160 };

type Json = Record<string, unknown>;

const jsonl = (rows: readonly unknown[]) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';

function writeFile(file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** Local names as released: `<sub>_<id>.png`, or `<sub>_<id>_<n>.png` when there are several; the first 4 only. */
function imageNames(request: SampleRequest): string[] {
  const stem = `${request.subreddit}_${request.id}`;
  if (request.images.length === 1) return [`${stem}.png`];
  return request.images.slice(0, 4).map((_, index) => `${stem}_${index + 1}.png`);
}

function submissionOf(request: SampleRequest, index: number, commentIds: string[]): Json {
  const slug = request.title.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40);
  return {
    submission_id: request.id,
    title: request.title,
    selftext: request.selftext,
    author: `sample_user_${index + 1}`,
    created_utc: BASE_TIME + index * 86_400,
    over_18: request.over18,
    permalink: `/r/${request.subreddit}/comments/${request.id}/${slug}/`,
    subreddit: request.subreddit,
    comment_ids: commentIds,
    images: imageNames(request),
    image_urls: request.images.map((_, n) => `https://images.example.invalid/${request.id}_${n + 1}.png`),
    combined_image: `${request.subreddit}_${request.id}.png`,
  };
}

interface DomainData {
  submissions: Json[];
  benchmark: Json[];
  comments: Json[];
  recs: Record<string, Record<string, number>>;
  items: string[];
  pool: Item[];
}

/** Multiple choice as the release built it: argmax positive, 4 negatives from the domain's other items, shuffled. */
function withChoices(submission: Json, rel: [string, number][], domainItems: readonly string[], names: NameGenerator): Json {
  const own = new Set(rel.map(([item]) => item));
  const candidates = domainItems.filter((item) => !own.has(item));
  const choices = [positiveItem(rel) as string];
  while (choices.length < 5) {
    const pick = candidates.splice(names.index(candidates.length), 1)[0];
    choices.push(pick);
  }
  for (let i = choices.length - 1; i > 0; i--) {
    const j = names.index(i + 1);
    [choices[i], choices[j]] = [choices[j], choices[i]];
  }
  return { ...submission, choices, true_index: choices.indexOf(positiveItem(rel) as string) };
}

function buildDomain(domain: SampleDomain, names: NameGenerator): DomainData {
  const requests = SAMPLE_REQUESTS.filter((request) => request.domain === domain);
  const pool = itemPool(names, domain, 24);
  const data: DomainData = { submissions: [], benchmark: [], comments: [], recs: {}, items: [], pool };
  const perRequest: { submission: Json; rel: [string, number][] }[] = [];
  requests.forEach((request, index) => {
    const requestPool = pool.slice((index * 3) % 12, (index * 3) % 12 + (request.comments > 10 ? 12 : 6));
    const comments = makeComments(names, requestPool, domain, request.comments, request.noItems ?? false);
    const ids = comments.map((_, n) => `${request.id}c${String(n + 1).padStart(2, '0')}`);
    const submission = submissionOf(request, SAMPLE_REQUESTS.indexOf(request), ids);
    data.submissions.push(submission);
    comments.forEach((comment: SampleComment, n) => data.comments.push({
      comment_id: ids[n], submission_id: request.id, subreddit: request.subreddit, raw: comment.raw,
      created_utc: (submission.created_utc as number) + 600 * (n + 1), upvotes: comment.upvotes, processed: comment.processed,
    }));
    const rel = relevance(comments.map((c) => ({ upvotes: c.upvotes, items: parseExtraction(c.processed) })));
    if (rel.length > 0 && !request.invalidReason) perRequest.push({ submission, rel });
  });
  for (const { rel } of perRequest) for (const [item] of rel) if (!data.items.includes(item)) data.items.push(item);
  for (const { submission, rel } of perRequest) {
    data.recs[submission.submission_id as string] = Object.fromEntries(rel);
    data.benchmark.push(withChoices(submission, rel, data.items, names));
  }
  return data;
}

function writeImages(root: string, domain: SampleDomain): number {
  let written = 0;
  for (const request of SAMPLE_REQUESTS.filter((r) => r.domain === domain)) {
    imageNames(request).forEach((name, n) => {
      const image = request.images[n];
      if (!image.local) return;
      writeFile(path.join(root, 'data', 'processed', '_images', domain, name), drawPng({ ...IMAGE_SIZE, ...image }));
      written += 1;
    });
  }
  return written;
}

function writeRuns(root: string, domain: SampleDomain, runs: RunLines): void {
  const dir = path.join(root, 'intermediate', SAMPLE_MODEL, domain, 'image');
  for (const [task, lines] of Object.entries(runs)) writeFile(path.join(dir, `${task}.jsonl`), jsonl(lines));
}

/** The release's CSV: CR line endings, no final line break. */
function irrelevantCsv(): string {
  const rows = [
    ...SAMPLE_REQUESTS.filter((r) => r.invalidReason).map((r) => [r.subreddit, r.id, r.invalidReason]),
    ...OTHER_INVALID_POSTS.map((post) => [post.subreddit, post.id, post.reason]),
  ];
  return stringify([['subreddit', 'submission_id', 'reason'], ...rows], { record_delimiter: '\r' }).replace(/\r$/, '');
}

export interface ReleaseCounts {
  requests: number;
  benchmark: number;
  comments: number;
  images: number;
}

export function writeRelease(root: string, names: NameGenerator): ReleaseCounts {
  const counts: ReleaseCounts = { requests: 0, benchmark: 0, comments: 0, images: 0 };
  for (const domain of ['books', 'music'] as const) {
    const data = buildDomain(domain, names);
    const dir = path.join(root, 'data', 'processed', domain);
    writeFile(path.join(dir, 'submissions.jsonl'), jsonl(data.submissions));
    writeFile(path.join(dir, 'submissions_ns.jsonl'), jsonl(data.benchmark));
    writeFile(path.join(dir, 'comments', 'comments_processed.jsonl'), jsonl(data.comments));
    writeFile(path.join(dir, 'comments', 'comments.jsonl'), jsonl(data.comments.map(({ processed: _unused, ...raw }) => raw)));
    writeFile(path.join(dir, 'recs.json'), JSON.stringify(data.recs, null, 4));
    writeFile(path.join(dir, 'items.csv'), stringify([['title'], ...data.items.map((item) => [item])]));
    counts.images += writeImages(root, domain);
    writeRuns(root, domain, modelRuns(domain, data.benchmark, data.submissions, data.pool, names));
    counts.requests += data.submissions.length;
    counts.benchmark += data.benchmark.length;
    counts.comments += data.comments.length;
  }
  writeFile(path.join(root, 'data', 'irrelevant_submissions.csv'), irrelevantCsv());
  return counts;
}
