// A large synthetic annotation log: a realistic mix of every event type,
// including undo (retract) chains, over the requests of a shard.
import { randomUUID } from 'node:crypto';
import { EVENT_SCHEMA_VERSION, INVALID_REASONS, type EventDraft, type KnownEvent } from '../src/core/annotations/events';
import { AnnotationLog } from '../src/core/annotations/log';
import { replay } from '../src/core/annotations/replay';
import { NameGenerator } from '../scripts/sample/names';

const ANNOTATOR = 'bench';

function draft(names: NameGenerator, request: string, earlier: readonly KnownEvent[]): EventDraft {
  const roll = names.index(100);
  const comment = `${request}c${1 + names.index(20)}`;
  if (roll < 35) return { type: 'extraction', request, comment, verdict: 'confirmed' };
  if (roll < 50)
    return {
      type: 'extraction',
      request,
      comment,
      verdict: 'corrected',
      items: [`${names.band()} - ${names.title()}`.toLowerCase()],
    };
  if (roll < 65) return { type: 'validity', request, verdict: 'invalid', reason: names.pick(INVALID_REASONS) };
  if (roll < 85)
    return {
      type: 'model-verdict',
      request,
      run: 'synthetic-model-1/image/rec_title',
      target: { kind: 'title', index: names.index(20) },
      verdict: names.pick(['relevant', 'not-relevant', 'unsure'] as const),
    };
  if (roll < 90 || earlier.length === 0) return { type: 'note', request, text: 'Checked against the picture; looks fine.' };
  return { type: 'retract', request, target: earlier[earlier.length - 1 - names.index(Math.min(50, earlier.length))].id };
}

/** Appends `count` events about `requests` to the bench annotator's log of `shardFile`; returns the log path. */
export async function writeEventLog(shardFile: string, requests: readonly string[], count: number, seed = 7): Promise<string> {
  const names = new NameGenerator(seed);
  const log = AnnotationLog.open(shardFile, ANNOTATOR);
  const start = Date.parse('2024-06-01T00:00:00Z');
  const events: KnownEvent[] = [];
  for (let n = 0; n < count; n++) {
    const fields = {
      v: EVENT_SCHEMA_VERSION,
      id: randomUUID(),
      time: new Date(start + n * 1000).toISOString(),
      annotator: ANNOTATOR,
    };
    events.push({ ...fields, ...draft(names, names.pick(requests), events) } as KnownEvent);
  }
  await log.appendRaw(events);
  return log.file;
}

/** What the editor does on open: read every annotator's log of the shard, replay to state. Returns the request count. */
export async function readAndReplay(shardFile: string): Promise<number> {
  const { events, warnings } = await AnnotationLog.readAll(shardFile);
  if (warnings.length)
    throw new Error(`the synthetic log has unreadable lines: ${warnings[0].file}:${warnings[0].line} ${warnings[0].reason}`);
  return replay(events).size;
}
