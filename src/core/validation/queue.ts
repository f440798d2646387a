// A review queue: a seeded sample of comments or requests for validation,
// stored as a small JSON file beside the shards so it can be committed and
// worked by several annotators. Format documented in docs/review-queue.md.
// The file holds no time or machine detail: the same seed and shards give the
// same bytes.
import path from 'node:path';
import * as z from 'zod';
import { nameInside } from '../path-rules';

export const QUEUE_FORMAT = 'imagery-review-queue';
export const QUEUE_VERSION = 1;
export const QUEUE_EXTENSION = '.queue.json';

const NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$/u;

/** A name that is a file stem everywhere, and no markup on any surface (no link, icon or control character). */
function isQueueName(name: string): boolean {
  return NAME.test(name) && !name.endsWith('.');
}

export const QueueItem = z.object({
  /** The shard holding the request, relative to the queue file's folder, with "/" separators. */
  shard: z.string().min(1),
  request: z.string().min(1),
  /** Present in a comment sample: the comment whose extraction is checked. */
  comment: z.string().min(1).optional(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const ReviewQueue = z.object({
  format: z.literal(QUEUE_FORMAT),
  version: z.literal(QUEUE_VERSION),
  /** Shown in the status bar and in messages: checked when read, as when made (see checkQueueName). */
  name: z.string().refine(isQueueName, 'use letters, digits, "_", "-" or "." (up to 64, starting with a letter or digit)'),
  unit: z.enum(['comments', 'requests']),
  seed: z.number().int(),
  /** How many units the sample was drawn from (comments with an extractor answer, or requests). */
  population: z.number().int().min(0),
  /** Every shard the sample was drawn from, relative to the queue's folder, sorted. */
  shards: z.array(z.string().min(1)),
  /** The sample, in the order the editor walks it (shard, then file order). */
  items: z.array(QueueItem),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;

/** Throws unless `name` is usable as a file stem everywhere (letters, digits, "_", "-", "."; up to 64). */
export function checkQueueName(name: string): string {
  if (!isQueueName(name)) {
    throw new Error(
      `queue name ${JSON.stringify(name)}: use letters, digits, "_", "-" or "." (up to 64, starting with a letter or digit)`,
    );
  }
  return name;
}

export function queueFile(dir: string, name: string): string {
  return path.join(dir, checkQueueName(name) + QUEUE_EXTENSION);
}

/** Deterministic text: header fields one a line, then one item a line, so a diff shows each item. */
export function serializeQueue(queue: ReviewQueue): string {
  const { items, ...header } = ReviewQueue.parse(queue);
  const head = JSON.stringify(header, null, 2).slice(0, -2); // drop the closing "\n}"
  const lines = items.map((item) => `    ${JSON.stringify(item)}`);
  return `${head},\n  "items": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

/** Parses a queue file's text; errors name the file and what is wrong. */
export function parseQueue(text: string, file: string): ReviewQueue {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = ReviewQueue.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: not a review queue: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  // Queues travel (git, a zip): an entry naming a file outside the queue's folder is refused, entry named.
  const entries = [
    ...parsed.data.shards.map((shard, i) => [`shards[${i}]`, shard] as const),
    ...parsed.data.items.map((item, i) => [`items[${i}].shard`, item.shard] as const),
  ];
  for (const [where, shard] of entries) {
    if (nameInside(path.dirname(path.resolve(file)), shard) === null)
      throw new Error(`${file}: ${where} ${JSON.stringify(shard)}: refused, it leaves the queue's folder`);
  }
  return parsed.data;
}

/** The absolute shard path of a queue item, given the queue file's folder (entries were checked by parseQueue). */
export function queueShardPath(queueDir: string, relative: string): string {
  const inside = nameInside(queueDir, relative);
  if (inside === null) throw new Error(`${JSON.stringify(relative)}: refused, it leaves the queue's folder ${queueDir}`);
  return path.join(path.resolve(queueDir), inside.relative);
}

/** Relative, "/"-separated path of a shard from the queue's folder (committable across systems). */
export function relativeShardPath(queueDir: string, shardFile: string): string {
  return path.relative(queueDir, shardFile).split(path.sep).join('/');
}
