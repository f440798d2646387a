// A SYNTHETIC release at the real release's scale (every name and text
// invented), laid out like the public one, so the core figures always have
// an equivalent to measure when the shared dataset is absent.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseExtraction } from '../src/core/paper/extraction';
import { positiveItem, relevance } from '../src/core/paper/relevance';
import type { Domain } from '../src/core/shard/schema';
import { NameGenerator } from '../scripts/sample/names';

export interface ReleaseScale {
  requests: number;
  /** Mean first-level comments per request (0: no comments file, as books are released). */
  meanComments: number;
  /** The first request gets this many comments (the largest request). */
  largestComments: number;
  /** Stored models, each with a rec_title and a rec_choice run. */
  models: number;
  /** Items a books request gets in recs.json when there are no comments. */
  itemsWithoutComments: number;
}

/** Shaped like the release: music 796 requests with comments, books 1,470 without. */
export const RELEASE_SCALE: Record<Domain, ReleaseScale> = {
  music: { requests: 796, meanComments: 20, largestComments: 2000, models: 5, itemsWithoutComments: 0 },
  books: { requests: 1470, meanComments: 0, largestComments: 0, models: 3, itemsWithoutComments: 14 },
};

type Json = Record<string, unknown>;
const LETTERS = ['A', 'B', 'C', 'D', 'E'];
const SUBREDDIT: Record<Domain, string> = { music: 'PictureTheSound', books: 'BooksThatFeelLikeThis' };

const jsonl = (rows: readonly unknown[]): string => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Invented "Creator - Title N" items; the number keeps them distinct at scale. */
function itemPool(names: NameGenerator, domain: Domain, size: number): string[] {
  return Array.from({ length: size }, (_, n) => `${names.creator(domain)} - ${names.title()} ${n + 1}`);
}

interface DomainRelease {
  submissions: Json[];
  comments: Json[];
  recs: Record<string, Record<string, number>>;
}

function comment(names: NameGenerator, local: readonly string[], requestId: string, n: number, created: number): Json {
  // The first comment always names an item with a positive score, so every request has a positive.
  const count = n === 0 ? 1 + names.index(3) : names.index(4);
  const items = Array.from({ length: count }, () => names.pick(local));
  return {
    comment_id: `${requestId}c${n + 1}`,
    submission_id: requestId,
    subreddit: 'PictureTheSound',
    raw: items.length ? `You could try ${items.join(', and also ')}. Fits the picture.` : 'Lovely picture, no idea though.',
    created_utc: created + 60 * (n + 1),
    upvotes: n === 0 ? 1 + names.index(40) : names.index(30) - 3,
    processed: items.length ? items.map((item, k) => `${k + 1}. ${item}`).join('\n') : 'None',
  };
}

function buildDomain(domain: Domain, scale: ReleaseScale, names: NameGenerator): DomainRelease {
  const pool = itemPool(names, domain, scale.requests * 20);
  const release: DomainRelease = { submissions: [], comments: [], recs: {} };
  for (let r = 0; r < scale.requests; r++) {
    const id = `${domain[0]}syn${String(r + 1).padStart(5, '0')}`;
    const created = 1_600_000_000 + r * 3600;
    const local = Array.from({ length: 40 }, () => names.pick(pool));
    const commentCount =
      scale.meanComments === 0 ? 0 : r === 0 ? scale.largestComments : 1 + names.index(2 * scale.meanComments - 1);
    const comments = Array.from({ length: commentCount }, (_, n) => comment(names, local, id, n, created));
    const rel: [string, number][] = commentCount
      ? relevance(comments.map((c) => ({ upvotes: c.upvotes as number, items: parseExtraction(c.processed as string) })))
      : local.slice(0, scale.itemsWithoutComments).map((item) => [item.toLowerCase(), 1 + names.index(20)]);
    const own = new Set(rel.map(([item]) => item));
    const choices = [positiveItem(rel) as string];
    while (choices.length < 5) {
      const negative = names.pick(pool).toLowerCase();
      if (!own.has(negative) && !choices.includes(negative)) choices.push(negative);
    }
    const shift = names.index(5);
    const shuffled = choices.map((_, k) => choices[(k + shift) % 5]);
    release.submissions.push({
      submission_id: id,
      title: `Synthetic request ${r + 1}: what ${domain === 'music' ? 'sounds' : 'reads'} like this picture?`,
      selftext: r % 3 === 0 ? 'Grey water, slow bells, a long evening.' : '',
      author: `synthetic_user_${r + 1}`,
      created_utc: created,
      over_18: false,
      permalink: `/r/${SUBREDDIT[domain]}/comments/${id}/synthetic_request/`,
      subreddit: SUBREDDIT[domain],
      comment_ids: comments.map((c) => c.comment_id),
      images: [`${SUBREDDIT[domain]}_${id}.jpg`],
      image_urls: [`https://images.example.invalid/${id}.jpg`],
      combined_image: `${SUBREDDIT[domain]}_${id}.jpg`,
      choices: shuffled,
      true_index: shuffled.indexOf(choices[0]),
    });
    release.comments.push(...comments);
    release.recs[id] = Object.fromEntries(rel);
  }
  return release;
}

/** 20 numbered titles; every third request's list starts with its positive, so scores are not all zero. */
function titleAnswer(names: NameGenerator, domain: Domain, submission: Json, r: number): string {
  const choices = submission.choices as string[];
  const lines = r % 3 === 0 ? [choices[submission.true_index as number]] : [];
  while (lines.length < 20) lines.push(`${names.creator(domain)} - ${names.title()}`);
  return lines.map((line, n) => `${n + 1}. ${line}`).join('\n');
}

function writeRuns(root: string, domain: Domain, scale: ReleaseScale, submissions: readonly Json[], names: NameGenerator): void {
  for (let m = 0; m < scale.models; m++) {
    const dir = path.join(root, 'intermediate', `synthetic-model-${m + 1}`, domain, 'image');
    const titles = submissions.map((s, r) => ({ ...s, rec_title: titleAnswer(names, domain, s, r) }));
    const picks = submissions.map((s) => {
      const letter = names.index(5);
      return { ...s, rec_choice: `${LETTERS[letter]}. ${(s.choices as string[])[letter]}` };
    });
    write(path.join(dir, 'rec_title.jsonl'), jsonl(titles));
    write(path.join(dir, 'rec_choice.jsonl'), jsonl(picks));
  }
}

export interface WrittenRelease {
  requests: number;
  comments: number;
  runFiles: number;
}

/** Writes the synthetic release under `root` (deterministic for a seed). */
export function writeSyntheticRelease(root: string, seed = 20240601, scales = RELEASE_SCALE): WrittenRelease {
  const names = new NameGenerator(seed);
  const written: WrittenRelease = { requests: 0, comments: 0, runFiles: 0 };
  for (const domain of ['music', 'books'] as const) {
    const scale = scales[domain];
    const { submissions, comments, recs } = buildDomain(domain, scale, names);
    const dir = path.join(root, 'data', 'processed', domain);
    write(path.join(dir, 'submissions_ns.jsonl'), jsonl(submissions));
    if (comments.length) write(path.join(dir, 'comments', 'comments_processed.jsonl'), jsonl(comments));
    write(path.join(dir, 'recs.json'), JSON.stringify(recs, null, 4));
    writeRuns(root, domain, scale, submissions, names);
    written.requests += submissions.length;
    written.comments += comments.length;
    written.runFiles += 2 * scale.models;
  }
  return written;
}
