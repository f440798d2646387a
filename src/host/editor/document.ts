// The custom document: one shard (read-only records) plus this annotator's
// append-only log. Every edit is an annotation event; undo and redo append
// `retract` events, so replaying the log stays the single source of truth.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { AnnotationEvent, EventDraft } from '../../core/annotations/events';
import { AnnotationLog, type LogCursor, type LogWarning } from '../../core/annotations/log';
import { LOG_START } from '../../core/annotations/log-lines';
import { annotationLogPath } from '../../core/annotations/paths';
import type { ShardState } from '../../core/annotations/state';
import { ShardReader, type ShardEntry } from '../../core/shard/reader';
import type { Filter, Progress } from '../../protocol';
import type { SaveMode } from '../config';
import { diskStamp, type DiskStamp } from './state/disk-stamp';
import { completeDraft, describeDraft } from './state/drafts';
import { changedRequests, EventStore } from './state/event-store';
import { matchingPositions, UNTOUCHED, type RequestFacts } from './state/navigation';
import { RequestIndex } from './state/request-index';
import { SerialQueue } from './state/serial-queue';

export interface DocumentOptions {
  /** Asked at every action: a change of the setting applies to the next one. */
  annotator: () => string;
  saveMode: () => SaveMode;
  /** Unsaved events restored from a backup. */
  restored?: readonly AnnotationEvent[];
}

export type AnnotationEdit = vscode.CustomDocumentEditEvent<AnnotatorDocument>;

export class AnnotatorDocument implements vscode.CustomDocument {
  private readonly queue = new SerialQueue();
  private readonly edited = new vscode.EventEmitter<AnnotationEdit>();
  private readonly stateChanged = new vscode.EventEmitter<string[]>();
  private readonly disposed = new vscode.EventEmitter<void>();
  private readonly warned = new vscode.EventEmitter<LogWarning[]>();
  private readonly indexedEmitter = new vscode.EventEmitter<void>();
  private readonly recorded = new vscode.EventEmitter<string[]>();
  private readonly othersChanged = new vscode.EventEmitter<void>();
  private disposables: vscode.Disposable[] = [
    this.edited,
    this.stateChanged,
    this.disposed,
    this.warned,
    this.indexedEmitter,
    this.recorded,
    this.othersChanged,
  ];
  /** Built in the background: until then the shard is still being indexed and `size` grows. */
  private index: RequestIndex | undefined;
  private readonly indexReady: Promise<RequestIndex>;
  private logLoad: Promise<readonly LogWarning[]> = Promise.resolve([]);
  private logIsLoaded = false;
  private indexedAndRead = false;

  /** An edit happened: the provider relays it to VS Code (undo stack, dirty marker). */
  readonly onDidEdit = this.edited.event;
  /** Replayed state changed for these requests (edit, undo, redo, save, revert, external change). */
  readonly onDidChangeState = this.stateChanged.event;
  readonly onDidDispose = this.disposed.event;
  /** The log had lines it could not read (file:line:reason). */
  readonly onLogWarnings = this.warned.event;
  /** The whole shard is indexed and the log read: the total, ids and filters are final. */
  readonly onDidIndex = this.indexedEmitter.event;
  /**
   * Events about these requests joined this annotator's log (recorded, undone, synced), including
   * adjudications, which change no replayed state and so no onDidChangeState.
   */
  readonly onDidRecord = this.recorded.event;
  /** Another annotator's log of this shard changed on disk (their answers, or a reviewer's adjudication). */
  readonly onDidChangeOtherLogs = this.othersChanged.event;

  private constructor(
    readonly uri: vscode.Uri,
    private readonly reader: ShardReader,
    private log: AnnotationLog,
    private readonly store: EventStore,
    private cursor: LogCursor,
    /** The log's size and inode when we last read or wrote it: a shrink or a new inode means it was replaced. */
    private disk: DiskStamp | undefined,
    private readonly options: DocumentOptions,
  ) {
    // A huge shard opens at its first request: the index (ids, filters, the total) completes behind it.
    this.indexReady = RequestIndex.build(reader, () => store.state());
    this.indexReady.then(
      (index) => void (this.index = index),
      () => undefined, // read() and positionOf() report the cause
    );
  }

  /**
   * Opens at once: the first request can show while the log is read. Reading
   * the log is the first job of the queue, so every action, save or re-read
   * runs after it, in order; until then the state holds only restored unsaved events.
   */
  static async open(uri: vscode.Uri, options: DocumentOptions): Promise<AnnotatorDocument> {
    const reader = await ShardReader.openIndexing(uri.fsPath);
    const log = AnnotationLog.open(uri.fsPath, options.annotator());
    const store = new EventStore();
    if (options.restored) store.addPending(options.restored);
    const document = new AnnotatorDocument(uri, reader, log, store, LOG_START, undefined, options);
    document.logLoad = document.queue.run(() => document.loadLog());
    document.logLoad.catch(() => undefined); // loaded() and every later action report it
    // Indexed means the filters and the first unreviewed request are final too: they need the log's state.
    Promise.all([document.indexReady, document.logLoad.catch(() => undefined)]).then(
      () => {
        document.indexedAndRead = true;
        document.indexedEmitter.fire();
      },
      () => undefined,
    );
    return document;
  }

  private async loadLog(): Promise<readonly LogWarning[]> {
    const before = this.store.state();
    this.disk = await diskStamp(this.log.file);
    const { events, warnings, cursor } = await this.log.read();
    await this.store.addCommittedInSlices(events, nextTurn);
    this.cursor = cursor;
    this.logIsLoaded = true;
    await this.announce(before);
    return warnings;
  }

  /** Resolves with the unreadable lines once the log is read and replayed; rejects if it could not be read. */
  loaded(): Promise<readonly LogWarning[]> {
    return this.logLoad;
  }

  get isLogLoaded(): boolean {
    return this.logIsLoaded;
  }

  /** Whose log this document reads and appends to (the setting's name, as of the last action or settings change). */
  get annotator(): string {
    return this.log.annotator;
  }

  get saveMode(): SaveMode {
    return this.options.saveMode();
  }

  get shardName(): string {
    return path.basename(this.uri.fsPath);
  }

  get pendingEvents(): readonly AnnotationEvent[] {
    return this.store.pendingEvents;
  }

  get isDirty(): boolean {
    return this.store.pendingEvents.length > 0;
  }

  state(): ShardState {
    return this.store.state();
  }

  /** Every event of this annotator, saved or not, in log order. */
  allEvents(): readonly AnnotationEvent[] {
    return this.store.all();
  }

  /** The annotator's log file this document reads and appends to. */
  get logFile(): string {
    return this.log.file;
  }

  /** How many requests (records and unreadable lines) the shard holds; so far, while indexing. */
  get size(): number {
    return this.index?.size ?? this.reader.size;
  }

  /** The shard is indexed and the log read (or failed to read): onDidIndex has fired. */
  get isIndexed(): boolean {
    return this.indexedAndRead;
  }

  /** Resolves once the whole shard is indexed. */
  async indexed(): Promise<void> {
    await this.indexReady;
  }

  /** The shard entry at a position: a record, or why its line is unreadable. */
  read(position: number): Promise<ShardEntry> {
    return this.reader.read(position);
  }

  /** Null while indexing (ids are not known yet) or when the line has no readable id. */
  idAt(position: number): string | null {
    return this.index?.idAt(position) ?? null;
  }

  /** Waits for the index. */
  async positionOf(id: string): Promise<number | undefined> {
    return (await this.indexReady).positionOf(id);
  }

  factsAt(position: number): RequestFacts {
    return this.index?.factsAt(position) ?? UNTOUCHED;
  }

  /** Records one annotation and reports it as an undoable edit. */
  annotate(draft: EventDraft, label = describeDraft(draft)): Promise<AnnotationEvent> {
    return this.queue.run(async () => {
      const event = await this.record(draft);
      // Undo and redo each retract whatever the previous step wrote: E, then retract(E), then retract(retract(E))...
      let top = event.id;
      const flip = () =>
        this.queue.run(async () => {
          top = (await this.record({ type: 'retract', request: event.request, target: top })).id;
        });
      this.edited.fire({ document: this, label, undo: flip, redo: flip });
      return event;
    });
  }

  /**
   * Records a suggestion run's answer (an extraction-run): on disk at once in either save mode, and no undo
   * step. It changes no annotation (accepting an item is its own edit), so there is nothing to save, and undo
   * goes straight to the last annotation instead of through every answer of a run.
   */
  recordAnswer(draft: EventDraft): Promise<AnnotationEvent> {
    return this.queue.run(() => this.record(draft, true));
  }

  /** Immediate mode (or `toDisk`): append + fsync now. Manual mode: keep in memory until save. */
  private async record(draft: EventDraft, toDisk = this.saveMode === 'immediate'): Promise<AnnotationEvent> {
    // Never act on a log not read: the action would be replayed without what came before it. A failed read is retried.
    if (!this.logIsLoaded) {
      const warnings = await this.loadLog();
      if (warnings.length) this.warned.fire([...warnings]);
    }
    await this.switchAnnotatorNow();
    const before = this.store.state();
    let event: AnnotationEvent;
    if (toDisk) {
      // Unsaved work from manual mode goes first: a later action must come later in the log, or it would lose on replay.
      // Not in manual mode: saving is the annotator's to do, and an answer changes no annotation to lose to.
      if (this.saveMode === 'immediate') await this.writePending();
      [event] = await this.log.append(draft);
      this.store.addCommitted([event]);
      this.disk = await diskStamp(this.log.file);
    } else {
      event = completeDraft(draft, this.annotator);
      this.store.addPending([event]);
    }
    await this.announce(before);
    this.recorded.fire([event.request]);
    return event;
  }

  save(): Promise<void> {
    return this.queue.run(() => this.writePending());
  }

  private async writePending(): Promise<void> {
    const pending = [...this.store.pendingEvents];
    if (pending.length === 0) return;
    await this.log.appendRaw(pending);
    this.store.addCommitted(pending);
    this.disk = await diskStamp(this.log.file);
  }

  /** Follows a change of the annotator setting now, rather than at the next action. */
  followAnnotatorSetting(): Promise<void> {
    return this.queue.run(() => this.switchAnnotatorNow());
  }

  /**
   * When the annotator setting names someone else, this document moves to their log.
   * Unsaved events are the previous annotator's work (they carry that name): they are
   * written to that annotator's log first, so they are neither lost nor filed under the new name.
   */
  private async switchAnnotatorNow(): Promise<void> {
    const annotator = this.options.annotator();
    if (annotator === this.log.annotator) return;
    await this.writePending();
    const before = this.store.state();
    this.log = AnnotationLog.open(this.uri.fsPath, annotator);
    const { events, warnings, cursor } = await this.log.read();
    this.store.replaceCommitted(events);
    this.cursor = cursor;
    this.disk = await diskStamp(this.log.file);
    if (warnings.length) this.warned.fire(warnings);
    await this.announce(before);
  }

  /** Drops unsaved events and re-reads the log. */
  revert(): Promise<void> {
    return this.queue.run(async () => {
      const before = this.store.state();
      this.store.dropPending();
      const { events, cursor } = await this.log.read();
      this.store.replaceCommitted(events);
      this.cursor = cursor;
      this.disk = await diskStamp(this.log.file);
      await this.announce(before);
    });
  }

  /** Restores unsaved events (from a backup found after the document opened). */
  restorePending(events: readonly AnnotationEvent[]): Promise<void> {
    return this.queue.run(async () => {
      const before = this.store.state();
      this.store.addPending(events);
      await this.announce(before);
    });
  }

  /** A copy of the shard at `target`, with a log holding every event of this annotator, saved or not. */
  saveAs(target: vscode.Uri): Promise<void> {
    return this.queue.run(async () => {
      await fs.mkdir(path.dirname(target.fsPath), { recursive: true });
      await fs.copyFile(this.uri.fsPath, target.fsPath);
      const targetLog = annotationLogPath(target.fsPath, this.annotator);
      await fs.rm(targetLog, { force: true });
      await AnnotationLog.open(target.fsPath, this.annotator).appendRaw(this.store.all());
    });
  }

  /**
   * Picks up what was appended to the log by someone else (another window, a
   * git pull). A log that shrank or was replaced (git checkout) is re-read
   * whole; unsaved local events are kept either way.
   */
  syncFromDisk(): Promise<void> {
    return this.queue.run(async () => {
      const before = this.store.state();
      const now = await diskStamp(this.log.file);
      const replaced = this.disk !== undefined && (now === undefined || now.ino !== this.disk.ino || now.size < this.disk.size);
      const read = replaced ? { ...(await this.log.read()), restarted: true } : await this.log.readFrom(this.cursor);
      // Our own appends come back here too: only events new to this document are news.
      let fresh: readonly AnnotationEvent[] = read.events;
      if (read.restarted) this.store.replaceCommitted(read.events);
      else fresh = this.store.addCommitted(read.events);
      this.cursor = read.cursor;
      this.disk = now;
      if (read.warnings.length) this.warned.fire(read.warnings);
      await this.announce(before);
      if (fresh.length) this.recorded.fire([...new Set(fresh.map((event) => event.request))]);
    });
  }

  otherLogsChanged(): void {
    this.othersChanged.fire();
  }

  /** True when the log on disk differs from what this document last read or wrote (a cheap stat). */
  async logChangedOnDisk(): Promise<boolean> {
    const now = await diskStamp(this.log.file);
    return now?.size !== this.disk?.size || now?.ino !== this.disk?.ino;
  }

  progress(): Progress {
    return this.index?.progress() ?? { reviewed: 0, total: this.size, invalid: 0, corrected: 0 };
  }

  matching(filter: Filter): number[] {
    return this.index?.matching(filter) ?? matchingPositions(this.size, filter, () => UNTOUCHED);
  }

  private async announce(before: ShardState): Promise<void> {
    const after = this.store.state();
    if (after === before) return;
    const changed = changedRequests(before, after);
    if (changed.length === 0) return;
    await (await this.indexReady).learn(changed);
    this.stateChanged.fire(changed);
  }

  /** Test and command hook: wait until queued work (appends, syncs) is done. */
  settled(): Promise<void> {
    return this.queue.run(async () => undefined);
  }

  dispose(): void {
    this.disposed.fire();
    for (const disposable of this.disposables) disposable.dispose();
    this.disposables = [];
    void this.reader.close();
  }
}
