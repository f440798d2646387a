// The four released files of one domain, built from its corrected requests.
import { positiveItem } from '../paper/relevance';
import type { Domain } from '../shard/schema';
import { keptChoice, requestRng, sampleChoices, type ResampleReason } from './export-choices';
import type { CorrectedRequest } from './export-collect';
import { formatItemsCsv, orderItems } from './export-items';
import { pyJsonIndented, pyJsonLine } from './export-python-json';
import { releaseFields } from './release-fields';
import type { ReleasedSubmissions } from './export-unsampled';

export interface DomainFilesText {
  'recs.json': string;
  'items.csv': string;
  'submissions.jsonl': string;
  'submissions_ns.jsonl': string;
}

export interface DomainChanges {
  domain: Domain;
  requests: number;
  /** Posts written to submissions.jsonl: the valid requests, and those copied from the release. */
  valid: number;
  /** Posts outside the benchmark that the shards lack, copied from the release's submissions.jsonl. */
  copiedFromRelease: number;
  /** Valid requests with at least one item (recs.json, submissions_ns.jsonl). */
  withItems: number;
  invalidated: string[];
  /** Requests whose extraction was corrected (and are still valid). */
  corrected: string[];
  itemsAdded: string[];
  itemsRemoved: string[];
  positivesChanged: { request: string; from: string | null; to: string | null }[];
  /** Requests in submissions_ns.jsonl whose released candidates could not be kept, with the reason. */
  resampled: { request: string; reason: ResampleReason }[];
  /** Requests left out of submissions_ns.jsonl: too few items in the domain to draw 4 negatives. */
  choicesSkipped: string[];
}

/**
 * `releaseItemOrder`: the release's items.csv order, kept for surviving items.
 * Items removed/added compare the union of the imported S_r of every request
 * with the union written to items.csv. `released`: the release's submissions,
 * for the order of submissions.jsonl and the posts the shards lack.
 */
export function buildDomain(
  domain: Domain,
  requests: readonly CorrectedRequest[],
  seed: number,
  releaseItemOrder: readonly string[],
  released: ReleasedSubmissions | null = null,
): { files: DomainFilesText; changes: DomainChanges } {
  const valid = requests.filter((request) => request.invalidReason === null);
  const withItems = valid.filter((request) => request.relevance.length > 0);
  const originalItems = new Set(requests.flatMap((request) => request.record.relevance.map(([item]) => item)));
  const items = orderItems(
    withItems.flatMap((request) => request.relevance.map(([item]) => item)),
    releaseItemOrder,
  );
  const itemSet = new Set(items);

  const recs = new Map(withItems.map((request) => [request.record.id, new Map(request.relevance)] as const));
  const nsLines: string[] = [];
  const choicesSkipped: string[] = [];
  const resampled: DomainChanges['resampled'] = [];
  for (const request of withItems) {
    const positive = positiveItem(request.relevance)!;
    const requestItems = new Set(request.relevance.map(([item]) => item));
    const keep = keptChoice(request.record.choice, positive, requestItems);
    let choice = 'kept' in keep ? keep.kept : null;
    if ('reason' in keep) {
      choice = sampleChoices(positive, requestItems, items, itemSet, requestRng(seed, domain, request.record.id));
      if (choice) resampled.push({ request: request.record.id, reason: keep.reason });
    }
    if (!choice) {
      choicesSkipped.push(request.record.id);
      continue;
    }
    const fields = releaseFields(request.record);
    fields.set('choices', choice.choices);
    fields.set('true_index', choice.true_index);
    nsLines.push(pyJsonLine(fields) + '\n');
  }

  const submissions = submissionsLines(requests, released);
  const files: DomainFilesText = {
    'recs.json': pyJsonIndented(recs),
    'items.csv': formatItemsCsv(items),
    'submissions.jsonl': submissions.lines.join(''),
    'submissions_ns.jsonl': nsLines.join(''),
  };
  const changes: DomainChanges = {
    domain,
    requests: requests.length,
    valid: submissions.lines.length,
    copiedFromRelease: submissions.copied,
    withItems: withItems.length,
    invalidated: requests.filter((request) => request.invalidReason !== null).map((request) => request.record.id),
    corrected: valid.filter((request) => request.corrected).map((request) => request.record.id),
    itemsAdded: items.filter((item) => !originalItems.has(item)),
    itemsRemoved: [...originalItems].filter((item) => !itemSet.has(item)),
    positivesChanged: valid.flatMap((request) => {
      const from = positiveItem(request.record.relevance);
      const to = positiveItem(request.relevance);
      return from === to ? [] : [{ request: request.record.id, from, to }];
    }),
    choicesSkipped,
    resampled,
  };
  return { files, changes };
}

/**
 * submissions.jsonl: the valid requests, in the release's order when it is
 * given, with the release's posts outside the benchmark that the shards lack
 * copied as released; requests the release does not have come last.
 */
function submissionsLines(
  requests: readonly CorrectedRequest[],
  released: ReleasedSubmissions | null,
): { lines: string[]; copied: number } {
  const line = (request: CorrectedRequest) => pyJsonLine(releaseFields(request.record)) + '\n';
  const valid = requests.filter((request) => request.invalidReason === null);
  if (released === null) return { lines: valid.map(line), copied: 0 };
  const byId = new Map(requests.map((request) => [request.record.id, request] as const));
  const lines: string[] = [];
  const placed = new Set<string>();
  let copied = 0;
  for (const { id, text } of released.lines) {
    const request = byId.get(id);
    if (request !== undefined) {
      if (!placed.has(id) && request.invalidReason === null) lines.push(line(request));
      placed.add(id);
    } else if (!released.sampled.has(id)) {
      lines.push(text + '\n');
      copied++;
    }
  }
  for (const request of valid) if (!placed.has(request.record.id)) lines.push(line(request));
  return { lines, copied };
}
