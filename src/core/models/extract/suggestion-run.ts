// What one extractor suggested for one comment, as replay and the editor keep it.
// Types only, so the annotation state can hold runs without importing the
// comparison (which reads the state).

/** Where a suggestion came from: an extraction-run event of a log, or a batch run's output file. */
export type SuggestionSource =
  | { kind: 'inline'; event: string; annotator: string; profile: string; model: string; time: string }
  | { kind: 'batch'; run: string; file: string };

/** One extractor's items for one comment. */
export interface ExtractionSuggestionRun {
  comment: string;
  /** The items by the paper's parser, in answer order. */
  items: string[];
  source: SuggestionSource;
}
