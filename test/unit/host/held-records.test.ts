// The host's account of what the webview holds, and where next / previous land.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HeldRecords } from '../../../src/host/editor/state/held-records';
import { neighbours } from '../../../src/host/editor/state/navigation';
import { makeRecord } from '../../fixtures/synthetic-record';

const entry = (id: string) => ({ record: makeRecord({ id }), images: [] });

describe('HeldRecords', () => {
  it('sends a record once, then nothing while it is held', () => {
    const held = new HeldRecords(4);
    assert.deepEqual(
      held.hold([entry('a'), entry('a')])?.hold.map((e) => e.record.id),
      ['a'],
    );
    assert.equal(held.hold([entry('a')]), null);
    assert.ok(held.has('a'));
  });

  it('drops the least recently used beyond capacity, never a record being held', () => {
    const held = new HeldRecords(2);
    held.hold([entry('a')]);
    held.hold([entry('b')]);
    held.touch('a');
    assert.deepEqual(held.hold([entry('c')])?.drop, ['b']);
    assert.deepEqual(held.hold([entry('d'), entry('e'), entry('f')])?.drop.sort(), ['a', 'c']);
    assert.equal(held.size, 3, 'over capacity only by what one message holds');
    assert.ok(['d', 'e', 'f'].every((id) => held.has(id)));
  });

  it('after a reset, tells the webview to clear before holding again', () => {
    const held = new HeldRecords();
    held.hold([entry('a')]);
    held.reset();
    assert.equal(held.has('a'), false);
    assert.deepEqual(held.hold([]), { type: 'records', hold: [], drop: [], clear: true });
    assert.equal(held.hold([]), null, 'said once');
  });
});

describe('neighbours', () => {
  it('finds where next and previous land within the matching positions', () => {
    assert.deepEqual(neighbours(5, [1, 3, 5, 8]), [8, 3]);
    assert.deepEqual(neighbours(4, [1, 3, 5, 8]), [5, 3], 'from a position that does not match');
    assert.deepEqual(neighbours(0, [0, 1]), [1, undefined]);
    assert.deepEqual(neighbours(9, [0, 9]), [undefined, 0]);
    assert.deepEqual(neighbours(3, []), [undefined, undefined]);
  });
});
