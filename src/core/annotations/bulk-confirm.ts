// "Confirm the rest of this request's comments": which comments it confirms
// and what the annotator is asked, shared by the editor and the tests.
import { commentVerdict, type RequestState } from './state';

/** The request's comments (in record order) that have no verdict yet: exactly what a bulk confirm confirms. */
export function commentsWithoutVerdict(state: RequestState | undefined, commentIds: readonly string[]): string[] {
  return commentIds.filter((id) => commentVerdict(state, id) === undefined);
}

/** The confirmation question, with the count. */
export function bulkConfirmQuestion(count: number): string {
  return count === 1 ? 'Confirm the 1 comment without a verdict?' : `Confirm the ${count} comments without a verdict?`;
}

/** Comments confirmed in bulk in one request's state. */
export function bulkConfirmedCount(state: RequestState | undefined): number {
  if (!state) return 0;
  return Object.values(state.comments).filter((verdict) => verdict.status === 'confirmed' && verdict.bulk === true).length;
}
