// The webview's pure helpers, in Node (no browser): mention highlighting,
// item edits, go-to parsing, the keymap table, S_r change lists, optimistic state.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyRequestState } from '../../src/core/annotations/state';
import { removeItem, setItem, toggleCreatorOnly } from '../../webview/extraction-edits';
import { effectiveItems, mentionSegments, splitItem } from '../../webview/items';
import { KEYMAP, commandFor, keymapMarkdown } from '../../webview/keymap';
import { applyDraft } from '../../webview/optimistic';
import { relevanceChanges } from '../../webview/relevance-diff';
import { RequestUiMemory } from '../../webview/request-ui';
import { goToTarget } from '../../webview/components/toolbar-target';

describe('mentionSegments', () => {
  it('marks creator and title case-insensitively and rebuilds the text exactly', () => {
    const text = 'Try ALPHA band, esp. Moon Song; alpha band again.';
    const segments = mentionSegments(text, ['alpha band - moon song']);
    assert.equal(segments.map((s) => s.text).join(''), text);
    assert.deepEqual(
      segments.filter((s) => s.mention).map((s) => s.text),
      ['ALPHA band', 'Moon Song', 'alpha band'],
    );
  });

  it('merges overlapping mentions and ignores one-letter terms', () => {
    const segments = mentionSegments('the moonlight sonata a', ['moon - moonlight sonata', 'a']);
    assert.deepEqual(
      segments.filter((s) => s.mention).map((s) => s.text),
      ['moonlight sonata'],
    );
  });

  it('gives plain text back when nothing matches', () => {
    assert.deepEqual(mentionSegments('<b>hi</b>', ['zzz']), [{ text: '<b>hi</b>', mention: false }]);
  });
});

describe('item edits', () => {
  it('splits at the first " - "', () => {
    assert.deepEqual(splitItem('a - b - c'), { creator: 'a', title: 'b - c' });
    assert.deepEqual(splitItem('solo'), { creator: 'solo', title: null });
  });

  it('sets, appends, removes on empty, lowercases and keeps a repeated item once', () => {
    assert.deepEqual(setItem(['a - b'], 1, ' New - ONE '), ['a - b', 'new - one']);
    assert.deepEqual(setItem(['a - b', 'c'], 0, ''), ['c']);
    assert.deepEqual(setItem(['a - b', 'c'], 1, 'A - B'), ['a - b']);
    assert.deepEqual(removeItem(['x', 'y', 'z'], 1), ['x', 'z']);
  });

  it('creator-only drops the title and restores only a matching remembered one', () => {
    assert.equal(toggleCreatorOnly('a - b', undefined), 'a');
    assert.equal(toggleCreatorOnly('a', 'a - b'), 'a - b');
    assert.equal(toggleCreatorOnly('a', 'z - b'), 'a');
  });

  it('a correction replaces the extraction, a confirmation keeps it', () => {
    assert.deepEqual(effectiveItems(['x'], { status: 'corrected', items: ['y'] }), ['y']);
    assert.deepEqual(effectiveItems(['x'], { status: 'confirmed' }), ['x']);
  });
});

describe('go-to box', () => {
  it('numbers are 1-based positions, anything else an id', () => {
    assert.deepEqual(goToTarget(' 12 '), { kind: 'position', position: 11 });
    assert.deepEqual(goToTarget('0'), { kind: 'position', position: 0 });
    assert.deepEqual(goToTarget('t3_abc'), { kind: 'id', id: 't3_abc' });
    assert.equal(goToTarget('   '), null);
  });
});

describe('keymap', () => {
  it('binds each key once and leaves modified keys to VS Code', () => {
    const keys = KEYMAP.flatMap((b) => b.keys);
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(commandFor({ key: 'j', ctrlKey: false, metaKey: false, altKey: false }), 'nextRequest');
    assert.equal(commandFor({ key: 'z', ctrlKey: true, metaKey: false, altKey: false }), undefined);
  });

  it('renders the README table from the same entries', () => {
    const table = keymapMarkdown().split('\n');
    assert.equal(table.length, KEYMAP.length + 2);
    assert.match(table[2], /`j` `→` \| Next request/);
  });
});

describe('relevance changes', () => {
  it('lists removed, rescored and added items', () => {
    assert.deepEqual(
      relevanceChanges(
        [
          ['a', 3],
          ['b', 2],
          ['c', 1],
        ],
        [
          ['a', 3],
          ['b', 5],
          ['d', 4],
        ],
      ),
      [
        { item: 'b', before: 2, after: 5 },
        { item: 'c', before: 1, after: null },
        { item: 'd', before: null, after: 4 },
      ],
    );
  });
});

describe('optimistic state', () => {
  it('applies extraction, validity and note drafts', () => {
    let state = emptyRequestState();
    state = applyDraft(state, { type: 'extraction', request: 'r', comment: 'c', verdict: 'corrected', items: ['x'] });
    state = applyDraft(state, { type: 'validity', request: 'r', verdict: 'invalid', reason: 'Image is text' });
    state = applyDraft(state, { type: 'note', request: 'r', text: 'hm' });
    assert.deepEqual({ ...state.comments }, { c: { status: 'corrected', items: ['x'] } });
    assert.deepEqual(state.validity, { status: 'invalid', reason: 'Image is text', note: undefined });
    assert.deepEqual(
      state.notes.map((n) => n.text),
      ['hm'],
    );
  });

  it('applies a dismissal as replay keeps it (kind and normalised item), leaving the state before it as it was', () => {
    const before = emptyRequestState();
    const state = applyDraft(before, {
      type: 'extraction-dismiss',
      request: 'r',
      comment: 'c',
      kind: 'miss',
      item: 'Rain  Dogs',
    });
    assert.deepEqual({ ...state.extractionDismissed }, { c: ['miss:rain dogs'] });
    assert.equal(before.extractionDismissed, undefined);
  });

  it('remembers screen state per request, most recent last, within a bound', () => {
    const memory = new RequestUiMemory();
    for (let i = 0; i < 600; i++) memory.set(`r${i}`, { comment: i, item: 0 });
    const saved = memory.toJSON();
    assert.equal(saved.length, 500);
    assert.equal(saved[saved.length - 1][0], 'r599');
    assert.deepEqual(new RequestUiMemory(saved).get('r0'), { comment: 0, item: 0 });
    assert.deepEqual(new RequestUiMemory(saved).get('r550'), { comment: 550, item: 0 });
  });
});
