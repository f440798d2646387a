// Replaying events into state. Later events win; retracts are undo, and
// retracting a retract is redo, so the whole editing history is events.
import type { AnnotationEvent, KnownEvent } from './events';
import { dict, own } from '../dict';
import { isKnownType } from './log-lines';
import { parseExtraction } from '../paper/extraction';
import { dismissalKey } from '../models/extract/suggestions';
import { emptyRequestState, inlineRunKey, type RequestState, type ShardState, type Validity } from './state';

/** Target key of a model verdict inside `RequestState.modelVerdicts[run]`: "title:3" or "choice". */
export function verdictTargetKey(target: { kind: 'title'; index: number } | { kind: 'choice' }): string {
  return target.kind === 'title' ? `title:${target.index}` : 'choice';
}

/**
 * The ids of events taken back. Walked from the end: a retract counts only if
 * no later effective retract took it back itself, so an undo/redo chain of
 * any length resolves to its last word.
 */
export function retractedIds(events: readonly AnnotationEvent[]): Set<string> {
  const retracted = new Set<string>();
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event.type !== 'retract' || !isKnownType(event) || retracted.has(event.id)) continue;
    retracted.add((event as Extract<KnownEvent, { type: 'retract' }>).target);
  }
  return retracted;
}

/** State per request from events in order (merge several logs with `mergeByTime` first). Unknown types are ignored. */
export function replay(events: Iterable<AnnotationEvent>): ShardState {
  const replayer = new Replayer(events);
  replayer.applyUntil(Infinity);
  return replayer.finish();
}

/**
 * `replay`, giving the event loop a turn (`pause`) every `sliceSize` events:
 * a million events must not freeze the extension host. Same result.
 */
export async function replayInSlices(
  events: Iterable<AnnotationEvent>,
  pause: () => Promise<unknown>,
  sliceSize = 50_000,
): Promise<ShardState> {
  const replayer = new Replayer(events);
  while (!replayer.applyUntil(replayer.applied + sliceSize)) await pause();
  return replayer.finish();
}

// A plain loop over an array, not a generator: this is the hot path of opening a long log.
class Replayer {
  private readonly list: readonly AnnotationEvent[];
  private readonly retracted: Set<string>;
  private readonly state: ShardState = new Map();
  applied = 0;

  constructor(events: Iterable<AnnotationEvent>) {
    this.list = Array.isArray(events) ? (events as readonly AnnotationEvent[]) : [...events];
    this.retracted = retractedIds(this.list);
  }

  /** Applies events up to index `end` (exclusive); true once all are applied. */
  applyUntil(end: number): boolean {
    const { list, retracted, state } = this;
    const stop = Math.min(end, list.length);
    for (let at = this.applied; at < stop; at++) {
      const event = list[at];
      if (!isKnownType(event) || retracted.has(event.id)) continue;
      const known = event as KnownEvent;
      // Adjudications are not the reviewer's own annotations; resolve.ts applies them.
      if (known.type === 'retract' || known.type === 'adjudication') continue;
      let request = state.get(known.request);
      if (!request) state.set(known.request, (request = emptyRequestState()));
      apply(request, known);
    }
    this.applied = stop;
    return stop === list.length;
  }

  finish(): ShardState {
    for (const [id, request] of this.state) if (isEmpty(request)) this.state.delete(id);
    return this.state;
  }
}

function apply(request: RequestState, event: Exclude<KnownEvent, { type: 'retract' | 'adjudication' }>): void {
  switch (event.type) {
    case 'extraction':
      if (event.verdict === 'unreviewed') delete request.comments[event.comment];
      else if (event.verdict === 'confirmed') request.comments[event.comment] = { status: 'confirmed' };
      else request.comments[event.comment] = { status: 'corrected', items: [...(event.items ?? [])] };
      return;
    case 'bulk-confirm':
      // Only comments still without a verdict: a verdict given before stays; one given after replaces this.
      for (const comment of event.comments)
        if (!own(request.comments, comment)) request.comments[comment] = { status: 'confirmed', bulk: true };
      return;
    case 'validity':
      if (event.verdict === 'unreviewed') delete request.validity;
      else if (event.verdict === 'valid') request.validity = withNote<Validity>({ status: 'valid' }, event.note);
      // A reason is required to mark a post invalid; a missing one is recorded as "Other".
      else request.validity = withNote<Validity>({ status: 'invalid', reason: event.reason ?? 'Other' }, event.note);
      return;
    case 'model-verdict': {
      const key = verdictTargetKey(event.target);
      if (event.verdict === 'unreviewed') {
        const run = request.modelVerdicts[event.run];
        if (!run) return;
        delete run[key];
        if (Object.keys(run).length === 0) delete request.modelVerdicts[event.run];
      } else {
        // Both levels have no prototype: a run named "__proto__" is just a key.
        (request.modelVerdicts[event.run] ??= dict())[key] = event.verdict;
      }
      return;
    }
    case 'model-run': {
      const { v: _v, type: _type, request: _request, ...run } = event;
      (request.runs ??= []).push({ ...run, key: inlineRunKey(event.id) });
      return;
    }
    // Extraction runs only suggest: the items count once one is accepted as a correction.
    case 'extraction-run':
      return keepLatestRun(request, event);
    case 'extraction-dismiss': {
      const dismissed = (request.extractionDismissed ??= dict());
      const keys = (dismissed[event.comment] ??= []);
      const key = dismissalKey(event.kind, event.item);
      if (!keys.includes(key)) keys.push(key);
      return;
    }
    case 'note':
      request.notes.push({ id: event.id, text: event.text, time: event.time });
      return;
  }
}

/** A later run of the same extractor (profile and model) on a comment replaces the earlier one. */
function keepLatestRun(request: RequestState, event: Extract<KnownEvent, { type: 'extraction-run' }>): void {
  const runs = (request.extractionRuns ??= []);
  const same = runs.findIndex(
    ({ comment, source }) =>
      comment === event.comment && source.kind === 'inline' && source.profile === event.profile && source.model === event.model,
  );
  if (same >= 0) runs.splice(same, 1);
  runs.push({
    comment: event.comment,
    items: parseExtraction(event.answer),
    source: {
      kind: 'inline',
      event: event.id,
      annotator: event.annotator,
      profile: event.profile,
      model: event.model,
      time: event.time,
    },
  });
}

function withNote<T extends Validity>(validity: T, note: string | undefined): T {
  return note === undefined ? validity : { ...validity, note };
}

function isEmpty(request: RequestState): boolean {
  return (
    request.validity === undefined &&
    request.notes.length === 0 &&
    (request.runs?.length ?? 0) === 0 &&
    (request.extractionRuns?.length ?? 0) === 0 &&
    request.extractionDismissed === undefined &&
    Object.keys(request.comments).length === 0 &&
    Object.keys(request.modelVerdicts).length === 0
  );
}
