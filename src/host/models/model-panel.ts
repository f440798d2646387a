// What the model service asks of an editor panel, and what a panel asks of
// the model service. Types only: the panel receives its hook through
// PanelContext and the service receives the panels through its constructor,
// so neither imports the other (as editor/state/queue-walk.ts does for the queue).
import type { HostToWebview, WebviewToHost } from '../../protocol';
import type { AnnotatorDocument } from '../editor/document';

export type ModelMessage = Extract<WebviewToHost, { type: 'runModel' | 'cancelModelRun' | 'keepModelRun' | 'dismissModelRun' }>;
export type SuggestMessage = Extract<WebviewToHost, { type: 'suggestItems' | 'cancelSuggestItems' }>;

/** One editor tab as a model run sees it. */
export interface ModelPanel {
  readonly document: AnnotatorDocument;
  /** The image folders of the tab's shard: a run sends only images from there. */
  readonly modelImageFolders: readonly string[];
  post(message: HostToWebview): void;
  /** Asks the user something while the webview takes no action key. */
  asking<T>(question: () => PromiseLike<T>): Promise<T>;
}

/** The open panels, as the model service reaches them (the editor registry). */
export interface ModelPanels {
  panels(): readonly ModelPanel[];
  panelsOf(document: AnnotatorDocument): readonly ModelPanel[];
}

/** The panel's model hook: where its model messages go. */
export interface ModelHook {
  /** The webview (re)loaded: it is told whether models may run and what runs for its document. */
  panelReady(panel: ModelPanel): void;
  handle(panel: ModelPanel, message: ModelMessage): void;
  /** Suggest Items (the second extractor) for the panel's request. */
  suggest(panel: ModelPanel, message: SuggestMessage): void;
}
