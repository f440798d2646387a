// The extractor on one comment of a request, as the editor and `imagery
// extract` run it: the paper's request, the items compared with the current
// (corrected) extraction, and the extraction-run event to append. Writes
// nothing itself.
import type { EventDraft } from '../../annotations/events';
import type { RequestState } from '../../annotations/state';
import type { ShardComment, ShardRecord } from '../../shard/schema';
import { baseUrlHost } from '../profile';
import { callExtractor, type ExtractorAnswer, type ExtractorOptions } from './call-extractor';
import { compareItems, currentItems, type ItemComparison } from './compare-items';

export type ExtractionRunDraft = Extract<EventDraft, { type: 'extraction-run' }>;

export interface CommentExtraction {
  comment: ShardComment;
  /** The model's items, by the paper's parser. */
  items: string[];
  comparison: ItemComparison;
  draft: ExtractionRunDraft;
}

/** The event recording one extractor answer on `comment` of `request`. */
export function extractionRunDraft(
  request: string,
  comment: string,
  answer: ExtractorAnswer,
  provenance: { profile: string; backend: string; model: string; host: string },
): ExtractionRunDraft {
  const { items: _items, ...recorded } = answer;
  return { type: 'extraction-run', request, comment, ...provenance, ...recorded };
}

export async function extractComment(
  record: ShardRecord,
  comment: ShardComment,
  state: RequestState | undefined,
  options: ExtractorOptions,
): Promise<CommentExtraction> {
  const { profile, backend } = options;
  const answer = await callExtractor(record.domain, comment.raw, options);
  const host = backend.kind === 'openai' ? baseUrlHost(profile.baseUrl) : '';
  return {
    comment,
    items: answer.items,
    comparison: compareItems(answer.items, currentItems(comment, state)),
    draft: extractionRunDraft(record.id, comment.id, answer, {
      profile: profile.name,
      backend: backend.kind,
      model: profile.model,
      host,
    }),
  };
}
