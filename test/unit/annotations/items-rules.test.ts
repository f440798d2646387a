// How items compare between decisions: surrounding blanks and blank items do not count, and a set's key does
// not depend on the order the items were typed in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { itemSet, itemSetKey, normalizeItem } from '../../../src/core/annotations/items';

test('an item is compared without its surrounding blanks', () => {
  assert.equal(normalizeItem('  Ana  Lima - Song\t'), 'ana lima - song');
  assert.equal(itemSetKey([' a - x ']), itemSetKey(['a - x']));
});

test('a blank item is no item', () => {
  assert.deepEqual([...itemSet(['a - x', '', '   '])], ['a - x']);
  // So a correction that only adds a blank line is the same answer as before.
  assert.equal(itemSetKey(['a - x', ' ']), itemSetKey(['a - x']));
});

test('one key per set of items, whatever their order', () => {
  assert.equal(itemSetKey(['b - y', 'a - x']), itemSetKey(['a - x', 'b - y']));
  assert.equal(itemSetKey(['b - y', 'A - X']), JSON.stringify(['a - x', 'b - y']));
});
