// Per-position facts the filters and progress need. Only requests that have
// annotation state can be reviewed, invalid, corrected or noted, so only
// their records are read (for their comment ids): opening stays cheap.
import { bulkConfirmedCount } from '../../../core/annotations/bulk-confirm';
import { isReviewed, type RequestState, type ShardState } from '../../../core/annotations/state';
import type { ShardReader } from '../../../core/shard/reader';
import type { Filter, Progress } from '../../../protocol';
import { matchingPositions, UNTOUCHED, type RequestFacts } from './navigation';

export class RequestIndex {
  private readonly commentIds = new Map<string, string[]>();
  /** Records read so far for their comment ids. */
  recordsRead = 0;

  private constructor(
    private readonly reader: ShardReader,
    private readonly ids: readonly (string | null)[],
    private readonly state: () => ShardState,
  ) {}

  /** `known`: comment ids read earlier from this same shard (the Shards view keeps them between windows). */
  static async build(
    reader: ShardReader,
    state: () => ShardState,
    known: ReadonlyMap<string, readonly string[]> = new Map(),
  ): Promise<RequestIndex> {
    const index = new RequestIndex(reader, await reader.ids(), state);
    for (const [request, comments] of known) index.commentIds.set(request, [...comments]);
    await reader.prepareLookup();
    await index.learn([...state().keys()]);
    return index;
  }

  get size(): number {
    return this.ids.length;
  }

  idAt(position: number): string | null {
    return this.ids[position] ?? null;
  }

  positionOf(id: string): Promise<number | undefined> {
    return this.reader.positionOf(id);
  }

  /**
   * Reads the comment ids of requests seen in the state for the first time, once they matter: only a
   * request marked valid is reviewed by its comments (every state change is learned again, so a
   * request marked valid later is read then). `recordsRead` counts the records read.
   */
  async learn(requests: readonly string[]): Promise<void> {
    const state = this.state();
    const wanted = new Map<number, string>();
    for (const request of new Set(requests)) {
      if (this.commentIds.has(request) || state.get(request)?.validity?.status !== 'valid') continue;
      const position = await this.reader.positionOf(request);
      if (position === undefined) this.commentIds.set(request, []);
      else wanted.set(position, request);
    }
    // One batch: nearby records share a file read (a first refresh of the Shards view reads thousands).
    const entries = await this.reader.readMany([...wanted.keys()]);
    for (const entry of entries) {
      const request = wanted.get(entry.position) as string;
      this.commentIds.set(request, entry.kind === 'record' ? entry.record.comments.map((comment) => comment.id) : []);
    }
    this.recordsRead += entries.length;
  }

  /** Every request's comment ids read so far. */
  get knownCommentIds(): ReadonlyMap<string, readonly string[]> {
    return this.commentIds;
  }

  factsAt(position: number): RequestFacts {
    const id = this.idAt(position);
    const state = id === null ? undefined : this.state().get(id);
    if (id === null || !state) return UNTOUCHED;
    return factsOf(state, this.commentIds.get(id) ?? []);
  }

  matching(filter: Filter): number[] {
    return matchingPositions(this.size, filter, (position) => this.factsAt(position));
  }

  progress(): Progress {
    const progress: Progress = { reviewed: 0, total: this.size, invalid: 0, corrected: 0 };
    for (let position = 0; position < this.size; position++) {
      const facts = this.factsAt(position);
      if (facts.reviewed) progress.reviewed++;
      if (facts.invalid) progress.invalid++;
      if (facts.corrected) progress.corrected++;
    }
    let bulkConfirmed = 0;
    for (const state of this.state().values()) bulkConfirmed += bulkConfirmedCount(state);
    if (bulkConfirmed > 0) progress.bulkConfirmed = bulkConfirmed;
    return progress;
  }
}

export function factsOf(state: RequestState, commentIds: readonly string[]): RequestFacts {
  return {
    reviewed: isReviewed(state, commentIds),
    invalid: state.validity?.status === 'invalid',
    corrected: Object.values(state.comments).some((verdict) => verdict.status === 'corrected'),
    hasNotes: state.notes.length > 0,
  };
}
