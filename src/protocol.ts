// The one protocol between the extension host and the webview. Both sides
// import this file. Messages are discriminated unions on `type`; a webview
// message that wants an answer carries `seq`, and the host answers with a
// `reply` carrying the same `seq`. Every webview -> host message is validated
// with `WebviewToHost.safeParse` before the host acts on it.
import { z } from 'zod';
import type { ShardRecord } from './core/shard/schema';
import type { RequestState } from './core/annotations/state';
import { EventDraft } from './core/annotations/events';

// ---------- shared vocabulary ----------

export const FILTERS = ['all', 'unreviewed', 'invalid', 'corrected', 'has-notes'] as const;
export const Filter = z.enum(FILTERS);
export type Filter = z.infer<typeof Filter>;

/** Each filter's name, as the toolbar and the palette's filter picker show it. */
export const FILTER_LABELS: Readonly<Record<Filter, string>> = {
  all: 'All requests',
  unreviewed: 'Unreviewed',
  invalid: 'Marked invalid',
  corrected: 'With corrected extractions',
  'has-notes': 'With notes',
};

export const NavTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['next', 'previous', 'first', 'last', 'nextUnreviewed']) }),
  z.object({ kind: z.literal('position'), position: z.number().int().min(0) }),
  z.object({ kind: z.literal('id'), id: z.string().min(1).max(200) }),
]);
export type NavTarget = z.infer<typeof NavTarget>;

/** An image as the webview may show it. `src` is null when it must not or cannot be loaded. */
export interface ResolvedImage {
  /** A webview resource URI for local files, or the original https URL. */
  src: string | null;
  /** The original URL, shown in the placeholder. */
  url: string | null;
  /** Why the local file was refused or is missing (e.g. a path leaving the dataset). */
  error?: string;
}

export interface UnreadableRecord {
  file: string;
  line: number;
  reason: string;
}

export interface Progress {
  reviewed: number;
  total: number;
  invalid: number;
  corrected: number;
}

/** What the webview needs to render one position of the shard. */
export type RequestView =
  | { kind: 'record'; record: ShardRecord; images: ResolvedImage[]; state: RequestState }
  | { kind: 'unreadable'; unreadable: UnreadableRecord };

// ---------- host -> webview ----------

export type HostToWebview =
  | {
      type: 'init';
      shardName: string;
      annotator: string;
      saveMode: 'immediate' | 'manual';
      reasons: readonly string[];
    }
  | {
      type: 'show';
      position: number;
      total: number;
      /** Positions that pass the current filter (ascending). */
      filter: Filter;
      matching: number;
      /** 0-based index of `position` among the matching positions; -1 when it does not match the filter. */
      index?: number;
      view: RequestView;
    }
  /** The annotation state of a request changed (edit, undo, redo, external change). */
  | { type: 'state'; requestId: string; state: RequestState }
  | { type: 'progress'; progress: Progress }
  | { type: 'error'; message: string }
  /** Show the keyboard shortcuts overlay (the `imageryAnnotator.showKeymap` command). */
  | { type: 'showKeymap' }
  | { type: 'reply'; seq: number; ok: true }
  | { type: 'reply'; seq: number; ok: false; error: string };

// ---------- webview -> host (validated) ----------

const seq = z.number().int().min(0);

/** Annotation drafts are validated with the core's own event schema (the host adds v, id, time, annotator). */

export const WebviewToHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('navigate'), seq, target: NavTarget }),
  z.object({ type: z.literal('setFilter'), seq, filter: Filter }),
  z.object({ type: z.literal('annotate'), seq, draft: EventDraft }),
  z.object({ type: z.literal('openExternal'), url: z.string().max(2000) }),
  z.object({ type: z.literal('webviewError'), message: z.string().max(10_000) }),
]);
export type WebviewToHost = z.infer<typeof WebviewToHost>;
