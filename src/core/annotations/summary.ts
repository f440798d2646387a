// Per-request facts the shard list, filters and progress bar ask of a replayed state.
import type { ShardRecord } from '../shard/schema';
import { commentVerdict, isReviewed, type RequestState } from './state';

export interface RequestSummary {
  reviewed: boolean;
  invalid: boolean;
  /** Some comment's extraction was corrected. */
  corrected: boolean;
  hasNotes: boolean;
  commentsReviewed: number;
  commentsTotal: number;
}

export function requestSummary(state: RequestState | undefined, record: Pick<ShardRecord, 'comments'>): RequestSummary {
  const commentIds = record.comments.map((comment) => comment.id);
  const verdicts = commentIds.map((id) => commentVerdict(state, id)).filter((verdict) => verdict !== undefined);
  return {
    reviewed: isReviewed(state, commentIds),
    invalid: state?.validity?.status === 'invalid',
    corrected: verdicts.some((verdict) => verdict.status === 'corrected'),
    hasNotes: (state?.notes.length ?? 0) > 0,
    commentsReviewed: verdicts.length,
    commentsTotal: commentIds.length,
  };
}
