// Annotation events for unit tests: a draft plus the fields the log adds
// (v, id, time, annotator). Each builder counts on its own, so ids and times
// are unique and increasing within a test file.
import type { AnnotationEvent, EventDraft } from '../../src/core/annotations/events';

export interface EventBuilderOptions {
  /** Ids are `<prefix><n>`. */
  idPrefix?: string;
  /** Milliseconds between consecutive events' times. */
  stepMs?: number;
  annotator?: string;
}

export type EventBuilder = (draft: EventDraft, id?: string) => AnnotationEvent;

export function eventBuilder({ idPrefix = 'e', stepMs = 1000, annotator = 'ana' }: EventBuilderOptions = {}): EventBuilder {
  let counter = 0;
  return (draft, id) => {
    counter += 1;
    return {
      ...draft,
      v: 1,
      id: id ?? `${idPrefix}${counter}`,
      time: new Date(1_700_000_000_000 + counter * stepMs).toISOString(),
      annotator,
    } as AnnotationEvent;
  };
}
