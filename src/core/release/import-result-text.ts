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
    `  runs: ${runs.length}` +
      runs.map((run) => `\n    ${run.model}/${run.input}/${run.task}: ${run.answers - run.unmatched} answers`).join(''),
    `  images: ${images.found} found, ${images.missing} missing (URL only)` +
      (images.refused ? `, ${images.refused} refused` : '') +
      result.imageWarnings.map((problem) => `\n    ${formatUnreadable(problem)}`).join(''),
    `  unreadable lines: ${result.unreadable.length}` +
      result.unreadable.map((problem) => `\n    ${formatUnreadable(problem)}`).join(''),
    `  shards: ${result.shards.length} in ${result.shards.length ? path.dirname(result.shards[0]) : '-'}`,
  ];
  return lines.join('\n');
}
