// Every custom event the webview's elements send up, with its detail type: one
// table in the DOM's own event map, so `addEventListener` knows each detail and
// `emit` refuses a wrong one.
import type { EventDraft } from '../src/core/annotations/events';
import type { Filter, NavTarget } from '../src/protocol';
import type { CommentAction } from './components/comment-row';
import type { LiveRunAction } from './components/model-live-run';
import type { ChoiceVerdict, TitleVerdict } from './models/verdicts';

declare global {
  interface GlobalEventHandlersEventMap {
    /** <ia-toolbar>: go to another request. */
    'ia-navigate': CustomEvent<NavTarget>;
    /** <ia-toolbar>: show the requests that pass another filter. */
    'ia-filter': CustomEvent<{ filter: Filter }>;
    /** <ia-toolbar>: open the keyboard shortcuts. */
    'ia-help': CustomEvent<undefined>;
    /** <ia-validity>: record an annotation. */
    'ia-annotate': CustomEvent<EventDraft>;
    /** <ia-comment>: a chip, row or inline editor was used. */
    'ia-comment-action': CustomEvent<CommentAction>;
    /** <ia-query>: ask the host to open a link in the browser. */
    'ia-open-external': CustomEvent<{ url: string }>;
    /** <ia-model-panel>: run a model on the request (the host asks what to run). */
    'ia-run-model': CustomEvent<undefined>;
    /** <ia-model-live-run>: cancel, keep (an unparseable answer) or dismiss a run started here. */
    'ia-live-run': CustomEvent<{ action: LiveRunAction; id: string }>;
    /** <ia-model-title-run>: a verdict on one title. */
    'ia-title-verdict': CustomEvent<{ index: number; verdict: TitleVerdict }>;
    /** <ia-model-choice-run>: a verdict on the choice answer. */
    'ia-choice-verdict': CustomEvent<{ verdict: ChoiceVerdict }>;
    /** A model run card's raw answer was opened or closed. */
    'ia-raw-toggle': CustomEvent<{ open: boolean }>;
    /** <ia-help>: close the overlay. */
    'ia-close': CustomEvent<undefined>;
    /** <ia-dropdown>: another option was picked. */
    'ia-change': CustomEvent<{ value: string }>;
    /** <ia-text-field>: each change of the text. */
    'ia-input': CustomEvent<{ value: string }>;
    /** <ia-text-field>: Enter. */
    'ia-commit': CustomEvent<{ value: string }>;
    /** <ia-text-field>: Escape. */
    'ia-cancel': CustomEvent<{ value: string }>;
  }
}

export type IaEventName = Extract<keyof GlobalEventHandlersEventMap, `ia-${string}`>;
export type IaEventDetail<K extends IaEventName> = GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Sends a custom event up through every shadow root to the app. */
export function emit<K extends IaEventName>(
  from: EventTarget,
  type: K,
  ...detail: IaEventDetail<K> extends undefined ? [] : [IaEventDetail<K>]
): void {
  from.dispatchEvent(new CustomEvent(type, { detail: detail[0], bubbles: true, composed: true }));
}
