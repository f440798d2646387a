// The document's event store keeps state incrementally; it must always equal
// a full replay of its events, whatever mix of actions, undo chains, manual
// saves, reverts and re-reads produced them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EVENT_SCHEMA_VERSION, type AnnotationEvent, type KnownEvent } from '../../../src/core/annotations/events';
import { replay, replayInSlices } from '../../../src/core/annotations/replay';
import { changedRequests, EventStore } from '../../../src/host/editor/state/event-store';

let seed = 1;
const roll = (n: number): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed % n;
};
let serial = 0;
const event = (fields: Record<string, unknown>): AnnotationEvent =>
  ({ v: EVENT_SCHEMA_VERSION, id: `e${serial++}`, time: '2024-06-01T00:00:00.000Z', annotator: 'ann', ...fields }) as KnownEvent;

function randomEvent(earlier: readonly AnnotationEvent[]): AnnotationEvent {
  const request = `r${roll(6)}`;
  const kind = roll(10);
  if (kind < 4 && earlier.length) {
    const target = earlier[earlier.length - 1 - roll(Math.min(8, earlier.length))];
    return event({ type: 'retract', request: (target as { request: string }).request, target: target.id });
  }
  if (kind < 6) return event({ type: 'validity', request, verdict: roll(2) ? 'valid' : 'invalid', reason: 'Other' });
  if (kind < 8)
    return event({ type: 'extraction', request, comment: `c${roll(3)}`, verdict: roll(2) ? 'confirmed' : 'unreviewed' });
  if (kind < 9) return event({ type: 'note', request, text: 'n' });
  return event({ type: 'future-kind', request, anything: 1 });
}

describe('EventStore', () => {
  for (let round = 0; round < 30; round++) {
    test(`incremental state equals a full replay after every step (random history ${round})`, () => {
      const store = new EventStore();
      const disk: AnnotationEvent[] = [];
      for (let step = 0; step < 120; step++) {
        const known = store.all();
        const before = store.state();
        const action = roll(20);
        if (action < 12) {
          // Immediate mode: written, then committed.
          const next = randomEvent(known);
          disk.push(next);
          store.addCommitted([next]);
        } else if (action < 16) store.addPending([randomEvent(known)]);
        else if (action < 18) {
          // Save: the pending events reach disk.
          disk.push(...store.pendingEvents);
          store.addCommitted([...store.pendingEvents]);
        } else if (action < 19) store.dropPending();
        else store.replaceCommitted([...disk]);
        const after = store.state();
        const full = replay(store.all());
        assert.deepEqual(after, full, `step ${step}`);
        // Every request whose state changed is reported, and no other.
        const expected = [...new Set([...before.keys(), ...full.keys()])].filter(
          (request) => JSON.stringify(before.get(request)) !== JSON.stringify(full.get(request)),
        );
        assert.deepEqual(changedRequests(before, after).sort(), expected.sort(), `step ${step}`);
      }
    });
  }

  test('a retract before its target (merged logs) still matches a full replay', () => {
    const target = event({ type: 'validity', request: 'r1', verdict: 'valid' });
    const retract = event({ type: 'retract', request: 'r1', target: target.id });
    const store = new EventStore([retract]);
    store.addCommitted([target]);
    assert.deepEqual(store.state(), replay([retract, target]));
    assert.equal(store.state().size, 0);
  });
});

describe('EventStore: a log loaded in slices', () => {
  const history = (count: number): AnnotationEvent[] => {
    const events: AnnotationEvent[] = [];
    for (let n = 0; n < count; n++) events.push(randomEvent(events));
    return events;
  };

  test('replayInSlices equals replay', async () => {
    const events = history(500);
    let pauses = 0;
    const sliced = await replayInSlices(events, async () => void pauses++, 7);
    assert.deepEqual(sliced, replay(events));
    assert.ok(pauses >= 70);
  });

  for (const [name, meanwhile] of [
    ['nothing happens in the pauses', () => undefined],
    ['state() is asked in every pause', (store: EventStore) => void store.state()],
  ] as const) {
    test(`the state equals a full replay of the log: ${name}`, async () => {
      const events = history(400);
      const store = new EventStore();
      await store.addCommittedInSlices(events, async () => meanwhile(store), 9);
      assert.deepEqual(store.state(), replay(events));
      assert.deepEqual(store.all(), events);
    });
  }

  test('unsaved events (restored) stay after the loaded log, and an event added during a pause is not lost', async () => {
    const events = history(300);
    const restored = event({ type: 'validity', request: 'r1', verdict: 'valid' });
    const late = event({ type: 'note', request: 'r2', text: 'late' });
    const store = new EventStore();
    store.addPending([restored]);
    let pauses = 0;
    await store.addCommittedInSlices(
      events,
      async () => {
        if (++pauses === 1) store.addPending([late]);
      },
      11,
    );
    assert.deepEqual(store.all(), [...events, restored, late]);
    assert.deepEqual(store.state(), replay([...events, restored, late]));
  });
});
