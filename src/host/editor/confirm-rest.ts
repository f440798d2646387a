// The editor's "confirm the rest": asks, with the count, through a modal the
// webview waits on (no action key meanwhile), then records one bulk-confirm
// event, so one undo takes every comment back.
import { bulkConfirmQuestion, commentsWithoutVerdict } from '../../core/annotations/bulk-confirm';
import type { EventDraft } from '../../core/annotations/events';
import { notify } from '../notify';
import type { AnnotatorDocument } from './document';
import type { Outcome } from './state/queue-walk';

export const CONFIRM_REST_ANSWER = 'Confirm';

export async function confirmRest(
  document: AnnotatorDocument,
  requestId: string,
  asking: <T>(question: () => PromiseLike<T>) => Promise<T>,
  annotate: (draft: EventDraft) => Promise<Outcome>,
): Promise<Outcome> {
  const position = await document.positionOf(requestId);
  if (position === undefined) return { ok: false, error: `No request with id "${requestId}" in ${document.shardName}` };
  const entry = await document.read(position);
  if (entry.kind !== 'record') return { ok: false, error: `Request "${requestId}" cannot be read` };
  const ids = entry.record.comments.map((comment) => comment.id);
  const comments = commentsWithoutVerdict(document.state().get(requestId), ids);
  if (comments.length === 0) return { ok: false, error: 'Every comment of this request already has a verdict' };
  const answer = await asking(() =>
    notify.ask(
      bulkConfirmQuestion(comments.length),
      {
        modal: true,
        detail: 'Each is confirmed as extracted and counted as confirmed in bulk; one undo takes them all back.',
      },
      CONFIRM_REST_ANSWER,
    ),
  );
  if (answer !== CONFIRM_REST_ANSWER) return { ok: true };
  return annotate({ type: 'bulk-confirm', request: requestId, comments });
}
