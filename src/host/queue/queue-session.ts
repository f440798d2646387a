// Walking a review queue in the editor: while a queue is open, next and
// previous in any of its shards go through the queue's items in order, across
// shards; the status bar and the Shards view show this annotator's progress.
import path from 'node:path';
import * as vscode from 'vscode';
import { AnnotationLog } from '../../core/annotations/log';
import { replay } from '../../core/annotations/replay';
import type { ShardState } from '../../core/annotations/state';
import { queueShardPath, type ReviewQueue } from '../../core/validation/queue';
import { readQueue } from '../../core/validation/queue-file';
import { firstOpenItem, itemIndexOf, queueProgress, stepQueue, type QueueProgress } from '../../core/validation/queue-walk';
import type { QueueStatus } from '../../protocol';
import { configuredAnnotator } from '../config';
import { openRequest } from '../editor/open-request';
import type { Outcome, PanelController, QueueWalk } from '../editor/panel';
import type { EditorRegistry } from '../editor/registry';
import { output } from '../output';

interface Walk {
  file: string;
  dir: string;
  queue: ReviewQueue;
  index: number;
  /** Absolute shard path -> the queue's relative name for it. */
  shards: Map<string, string>;
  progress: QueueProgress;
}

class EmptyQueueError extends Error {}

/** Workspace memory: the queue being walked, so that a reloaded window walks it still. */
const WALKED_QUEUE = 'imageryAnnotator.walkedQueue';
/** Workspace memory: the walked queue's current item, so that a reload resumes on it, not at the first open one. */
const WALKED_ITEM = 'imageryAnnotator.walkedQueueItem';

interface WalkedItem {
  file: string;
  index: number;
}

export class ReviewQueueSession implements QueueWalk, vscode.Disposable {
  private walk: Walk | undefined;
  /** Bumped by every open, resume and leave: a start that ends after a newer one has lost (reading a queue takes a while). */
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  /** A queue was opened or left, or its progress or current item changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly registry: EditorRegistry,
    private readonly memory?: vscode.Memento,
  ) {
    this.disposables.push(registry.onDidChangeProgress(() => void this.recount()));
  }

  /** The walked queue's file, name, current item and this annotator's progress. */
  get current(): (QueueStatus & { file: string }) | undefined {
    const walk = this.walk;
    return walk && { file: walk.file, name: walk.queue.name, index: walk.index, ...walk.progress };
  }

  /** Starts walking the queue at the first item this annotator has not done. */
  async open(file: string): Promise<Outcome> {
    let walk: Walk | undefined;
    try {
      walk = await this.start(file);
    } catch (error) {
      if (error instanceof EmptyQueueError) return { ok: false, error: error.message };
      throw error;
    }
    if (!walk) return { ok: true }; // another queue was opened, or the walk left, meanwhile: that one stands
    return this.goTo(walk.index);
  }

  /**
   * Walks again the queue the window walked before a reload, from where its editors are (they
   * are not moved). A queue file gone since is forgotten, with a line in the log.
   */
  async resume(): Promise<void> {
    const file = this.memory?.get<string>(WALKED_QUEUE);
    if (file === undefined || this.walk) return;
    const generation = ++this.generation;
    try {
      if (!(await this.start(file, generation, this.memory?.get<WalkedItem>(WALKED_ITEM)))) return;
      for (const panel of this.registry.panels()) void panel.refresh();
    } catch (error) {
      if (generation !== this.generation) return;
      void this.memory?.update(WALKED_QUEUE, undefined);
      output().warn(`${file}: could not walk this review queue again after the reload: ${String(error)}`);
    }
  }

  /** The walk begun, or undefined when a newer open, resume or leave came before it was ready. */
  private async start(file: string, generation = ++this.generation, resumeAt?: WalkedItem): Promise<Walk | undefined> {
    const queue = await readQueue(file);
    // An empty queue is not walked: the status bar would show "0/0 done, item 1 is current" of nothing.
    if (queue.items.length === 0) throw new EmptyQueueError(`The queue ${queue.name} has no items`);
    const dir = path.dirname(file);
    const shards = new Map(queue.shards.map((relative) => [path.resolve(queueShardPath(dir, relative)), relative] as const));
    const states = await this.states(dir, queue);
    if (generation !== this.generation) return undefined;
    const walk: Walk = { file, dir, queue, index: 0, shards, progress: queueProgress(queue, (s) => states.get(s)) };
    const saved = resumeAt?.file === file ? resumeAt.index : -1;
    walk.index =
      Number.isInteger(saved) && saved >= 0 && saved < queue.items.length ? saved : firstOpenItem(queue, (s) => states.get(s));
    this.walk = walk;
    this.rememberItem(walk);
    this.registry.queueWalk = this;
    void this.memory?.update(WALKED_QUEUE, file);
    this.changed.fire();
    return walk;
  }

  /** Back to normal navigation. */
  leave(): void {
    this.generation++; // a queue still being read is not walked once left
    if (!this.walk) return;
    this.walk = undefined;
    this.registry.queueWalk = undefined;
    void this.memory?.update(WALKED_QUEUE, undefined);
    void this.memory?.update(WALKED_ITEM, undefined);
    this.changed.fire();
    for (const panel of this.registry.panels()) void panel.refresh();
  }

  /** For the integration tests: a new window's memory (no walk in hand, the stored queue kept), as after a reload. */
  forgetWalkInMemory(): void {
    this.walk = undefined;
    this.registry.queueWalk = undefined;
  }

  walks(panel: PanelController): boolean {
    return this.walk?.shards.has(path.resolve(panel.document.uri.fsPath)) === true;
  }

  statusFor(panel: PanelController, requestId: string | undefined): QueueStatus | undefined {
    const walk = this.walk;
    const shard = walk?.shards.get(path.resolve(panel.document.uri.fsPath));
    if (!walk || shard === undefined || requestId === undefined) return undefined;
    const index = itemIndexOf(walk.queue, shard, requestId, walk.index);
    if (index === -1) return undefined;
    if (index !== walk.index) {
      walk.index = index; // the annotator went to another item by id: the walk goes on from there
      this.rememberItem(walk);
      this.changed.fire();
    }
    return { name: walk.queue.name, index, ...walk.progress };
  }

  step(panel: PanelController, delta: 1 | -1): Promise<Outcome> | undefined {
    const walk = this.walk;
    if (!walk || !walk.shards.has(path.resolve(panel.document.uri.fsPath))) return undefined;
    const next = stepQueue(walk.queue, walk.index, delta);
    if ('error' in next) return Promise.resolve({ ok: false, error: next.error });
    return this.goTo(next.index, panel);
  }

  /** Shows item `index`: in `from` when it is of the same shard, else in that shard's editor (opened if need be). */
  private async goTo(index: number, from?: PanelController): Promise<Outcome> {
    const walk = this.walk!;
    walk.index = index;
    this.rememberItem(walk);
    this.changed.fire();
    const item = walk.queue.items[index];
    const shardFile = queueShardPath(walk.dir, item.shard);
    const focus = item.comment === undefined ? undefined : ({ kind: 'comment', comment: item.comment } as const);
    if (from && path.resolve(from.document.uri.fsPath) === path.resolve(shardFile)) {
      return from.navigate({ kind: 'id', id: item.request }, focus);
    }
    const outcome = await openRequest(this.registry, shardFile, item.request, focus);
    return outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
  }

  private rememberItem(walk: Walk): void {
    void this.memory?.update(WALKED_ITEM, { file: walk.file, index: walk.index } satisfies WalkedItem);
  }

  /** Recounts this annotator's done items (after any change of annotation state). */
  private async recount(): Promise<void> {
    const walk = this.walk;
    if (!walk) return;
    try {
      const states = await this.states(walk.dir, walk.queue);
      if (this.walk !== walk) return;
      walk.progress = queueProgress(walk.queue, (s) => states.get(s));
      this.changed.fire();
      // The editors' queue banners count with the status bar, not one show behind it.
      for (const panel of this.registry.panels()) if (this.walks(panel)) panel.postQueueProgress(walk.progress);
    } catch (error) {
      output().warn(`${walk.file}: could not count the queue's progress: ${String(error)}`);
    }
  }

  /** This annotator's state of each queue shard: the open editor's (with unsaved work), else the log on disk. */
  private async states(dir: string, queue: ReviewQueue): Promise<Map<string, ShardState>> {
    return queueStates(this.registry, dir, queue, configuredAnnotator());
  }

  dispose(): void {
    this.registry.queueWalk = undefined;
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Each queue shard's state for `annotator`, by the queue's relative shard name. */
export async function queueStates(
  registry: EditorRegistry,
  dir: string,
  queue: ReviewQueue,
  annotator: string,
): Promise<Map<string, ShardState>> {
  const states = new Map<string, ShardState>();
  for (const relative of queue.shards) {
    const file = queueShardPath(dir, relative);
    const open = registry.documentFor(vscode.Uri.file(file));
    if (open && open.annotator === annotator) states.set(relative, open.state());
    else states.set(relative, replay((await AnnotationLog.open(file, annotator).read()).events));
  }
  return states;
}

/** This annotator's progress on a queue file (for the Shards view). */
export async function queueFileProgress(
  registry: EditorRegistry,
  file: string,
  annotator: string,
): Promise<QueueProgress & { name: string }> {
  const queue = await readQueue(file);
  const states = await queueStates(registry, path.dirname(file), queue, annotator);
  return { name: queue.name, ...queueProgress(queue, (s) => states.get(s)) };
}
