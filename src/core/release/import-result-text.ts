// The summary of an import as text: what `imagery import` prints and what
// VS Code's "Import Release…" writes to its output channel.
import path from 'node:path';
import { formatUnreadable } from './import-jsonl';
import type { ImportResult } from './import-release';

/** One block per domain: requests, comments, items, runs, images, every unreadable line, shards. */
export function formatImportResult(result: ImportResult): string {
  const { images, runs } = result;
  const lines = [
    `${result.domain}: ${result.requests} requests (${result.requestsWithChoice} with choices) from ${result.source}`,
    `  comments: ${result.comments} on ${result.requestsWithComments} requests` +
      (result.extractionMissing ? ` (${result.extractionMissing} without extraction)` : '') +
      (result.orphanComments ? `, ${result.orphanComments} of requests not imported` : ''),
    `  items: ${result.extractedItems} extracted from comments, ${result.relevanceItems} with relevance (recs.json)`,
    relevanceMismatchLine(result),
    `  runs: ${runs.length}` +
      runs.map((run) => `\n    ${run.model}/${run.input}/${run.task}: ${run.answers - run.unmatched} answers`).join(''),
    `  images: ${images.found} found, ${images.missing} missing (URL only)` +
      (images.refused ? `, ${images.refused} refused` : '') +
      result.imageWarnings.map((problem) => `\n    ${formatUnreadable(problem)}`).join(''),
    `  unreadable lines: ${result.unreadable.length}` +
      result.unreadable.map((problem) => `\n    ${formatUnreadable(problem)}`).join(''),
    `  shards: ${result.shards.length} in ${result.shards.length ? path.dirname(result.shards[0]) : '-'}`,
    ...annotationsMovedLines(result),
  ];
  return lines.join('\n');
}

/** Listed in full up to this many ids; beyond, the first ones and a count. */
const MAX_LISTED_MISMATCHES = 50;

function relevanceMismatchLine(result: ImportResult): string {
  const { count, requests } = result.relevanceMismatch;
  if (count === 0) return `  S_r: every request's stored extraction gives back its released S_r`;
  const listed = requests.slice(0, MAX_LISTED_MISMATCHES).join(', ');
  const more = count > MAX_LISTED_MISMATCHES ? ` and ${count - MAX_LISTED_MISMATCHES} more` : '';
  return (
    `  S_r: ${count} of ${result.requestsWithComments} requests with comments: the stored extraction does not give back the released S_r ` +
    `(the export writes the released S_r while a request is not corrected, the S_r recomputed over the corrected extraction once it is): ` +
    `${listed}${more}`
  );
}

/** What a re-import moved: each log's events to the log beside their request's new shard. */
function annotationsMovedLines(result: ImportResult): string[] {
  const { events, requests, moves } = result.annotationsMoved;
  if (events === 0) return [];
  const relative = (file: string): string => path.join(path.basename(path.dirname(file)), path.basename(file));
  return [
    `  annotations: ${events} event(s) of ${requests.length} request(s) moved to the logs beside their new shards`,
    ...moves.map((move) => `    ${relative(move.from)} -> ${relative(move.to)}: ${move.events} event(s)`),
  ];
}
