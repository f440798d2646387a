// Data in VS Code's own surfaces, in the real extension host: a queue or shard
// named with a command link, an icon or a right-to-left override shows no link
// and no icon in notifications, the status bar and the Shards view; an empty
// queue is refused and not walked.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { QUEUE_FORMAT, QUEUE_VERSION } from '../../../src/core/validation/queue';
import { writeShard } from '../../../src/core/shard/writer';
import { annotationLogPath } from '../../../src/core/annotations/paths';
import { OpenAIServer } from '../../helpers/openai-server';
import { providerMode } from '../../helpers/provider-modes';
import {
  ANNOTATOR,
  closeEverything,
  createShard,
  extensionApi,
  openShard,
  setSettings,
  syntheticRecords,
  waitFor,
} from './harness';

const COMMAND_LINK = '[Click](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20hi%22%7D)';
// VS Code's own patterns: links in notifications (vs/base/common/linkedText.ts) and icons in labels.
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
const LABEL_ICON = /(?<!\\)\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/;
const BIDI_OVERRIDE = /[\u202a-\u202e]/;

const queueText = (name: string, items: object[] = []) =>
  JSON.stringify({
    format: QUEUE_FORMAT,
    version: QUEUE_VERSION,
    name,
    unit: 'requests',
    seed: 1,
    population: 5,
    shards: ['test.shard.jsonl'],
    items,
  });

/** The notifications shown since `before`, failing unless one came. */
async function shownSince(before: number): Promise<{ level: string; text: string }[]> {
  const api = await extensionApi();
  return waitFor('a notification', () => {
    const shown = api.testing.notifications().slice(before);
    return shown.length > 0 && shown;
  });
}

type Shown = { kind: string; text: string };
type Method = (...args: unknown[]) => unknown;

/**
 * What VS Code itself is asked to show while `body` runs: messages, quick pick rows (the first row is chosen) and
 * progress titles. The tests get the extension's own API object, so text that skipped notify and uiText is caught too.
 */
async function shownByVsCode(body: (shown: readonly Shown[]) => Promise<void>): Promise<void> {
  const window = vscode.window as unknown as Record<string, Method>;
  const originals = new Map<string, Method>();
  const shown: Shown[] = [];
  const replace = (name: string, make: (original: Method) => Method) => {
    originals.set(name, window[name]);
    window[name] = make(window[name]);
  };
  for (const level of ['showErrorMessage', 'showWarningMessage', 'showInformationMessage'])
    replace(level, (original) => (...args) => {
      shown.push({ kind: level, text: String(args[0]) });
      return original.apply(vscode.window, args);
    });
  replace('showQuickPick', () => async (items: unknown) => {
    const rows = (await items) as vscode.QuickPickItem[];
    for (const row of rows) shown.push({ kind: 'quick pick', text: `${row.label} ${row.description ?? ''}` });
    return rows[0];
  });
  replace('withProgress', (original) => (options: unknown, task: unknown) => {
    shown.push({ kind: 'progress', text: String((options as vscode.ProgressOptions).title) });
    return original.call(vscode.window, options, task);
  });
  try {
    await body(shown);
  } finally {
    for (const [name, original] of originals) window[name] = original;
  }
}

suite('data in VS Code surfaces', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('imageryAnnotator.leaveReviewQueue');
    await closeEverything();
  });

  test('a queue named with a command link: refused when read, and the notification shows no link', async () => {
    await setSettings({});
    const shard = await createShard('link-queue');
    const file = path.join(path.dirname(shard.file), 'hostile.queue.json');
    await fs.writeFile(file, queueText(COMMAND_LINK));
    const api = await extensionApi();
    const before = api.testing.notifications().length;
    assert.equal(await vscode.commands.executeCommand('imageryAnnotator.openReviewQueue', file), false);
    const shown = await shownSince(before);
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.match(shown[0].text, /hostile\.queue\.json: not a review queue: name: use letters/);
    assert.doesNotMatch(shown[0].text, NOTIFICATION_LINK);
    assert.equal(api.testing.reviewQueue(), undefined);
  });

  test('a queue file whose name is a command link and whose text is not JSON: the error shows the path, not a link', async () => {
    await setSettings({});
    const shard = await createShard('link-file');
    const file = path.join(path.dirname(shard.file), `${COMMAND_LINK}.queue.json`);
    await fs.writeFile(file, '{');
    const api = await extensionApi();
    const before = api.testing.notifications().length;
    assert.equal(await vscode.commands.executeCommand('imageryAnnotator.openReviewQueue', file), false);
    const [shown] = await shownSince(before);
    assert.match(shown.text, /^Cannot open the review queue: .*: not JSON/);
    assert.ok(shown.text.replaceAll('\u200b', '').includes(COMMAND_LINK), shown.text); // the path is there, to read
    assert.doesNotMatch(shown.text, NOTIFICATION_LINK);
  });

  test('an empty queue is refused and not walked: the status bar stays on the shard', async () => {
    await setSettings({});
    const shard = await createShard('empty-queue');
    const file = path.join(path.dirname(shard.file), 'empty.queue.json');
    await fs.writeFile(file, queueText('empty'));
    const api = await extensionApi();
    await openShard(shard);
    await waitFor('the status bar on the shard', () => api.testing.statusBarText() === 'Imagery: 0/5 reviewed');
    const before = api.testing.notifications().length;
    assert.equal(await vscode.commands.executeCommand('imageryAnnotator.openReviewQueue', file), false);
    const [shown] = await shownSince(before);
    assert.deepEqual(shown, { level: 'warning', text: 'The queue empty has no items' });
    assert.equal(api.testing.reviewQueue(), undefined);
    assert.equal(api.testing.statusBarText(), 'Imagery: 0/5 reviewed');
    assert.doesNotMatch(api.testing.statusBarTooltip() ?? '', /queue|item 1 is current/);
  });

  test('a shard named with an icon, a command link and a right-to-left override: the status bar and the Shards view show none of them', async () => {
    await setSettings({});
    const base = await createShard('icon-name');
    const hostile = path.join(path.dirname(base.file), `a\u202e$(zap)${COMMAND_LINK}.shard.jsonl`);
    await writeShard(hostile, syntheticRecords(2));
    const shard = { ...base, file: hostile, uri: vscode.Uri.file(hostile) };
    const api = await extensionApi();
    await openShard(shard);
    const tooltip = await waitFor('the status bar on the shard', () => {
      const text = api.testing.statusBarTooltip();
      return api.testing.statusBarText() === 'Imagery: 0/2 reviewed' && text;
    });
    assert.match(tooltip, /: 0 of 2 reviewed \(0 invalid\)\. Click: next unreviewed request\.$/);
    assert.doesNotMatch(tooltip, LABEL_ICON);
    assert.doesNotMatch(tooltip, NOTIFICATION_LINK);
    assert.doesNotMatch(tooltip, BIDI_OVERRIDE);
    const row = await waitFor('the shard in the Shards view', async () =>
      (await api.testing.shardTreeRows()).find((candidate) => candidate.path === hostile),
    );
    assert.ok(row.label.replaceAll('\u200b', '').endsWith(`a$(zap)${COMMAND_LINK}.shard.jsonl`), row.label);
    assert.doesNotMatch(row.label, LABEL_ICON);
    assert.doesNotMatch(row.label, BIDI_OVERRIDE);
  });

  test('an annotation log that cannot be read, beside a shard named with a command link: the error names the path, with no link', async () => {
    await setSettings({});
    const base = await createShard('unreadable-log');
    const hostile = path.join(path.dirname(base.file), `${COMMAND_LINK}.shard.jsonl`);
    await writeShard(hostile, syntheticRecords(2));
    // A folder where the log file should be: reading it fails (EISDIR).
    await fs.mkdir(annotationLogPath(hostile, ANNOTATOR), { recursive: true });
    await shownByVsCode(async (calls) => {
      await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(hostile), 'imageryAnnotator.shard');
      // As VS Code gets it: a message that skipped the escaping would show a link here.
      const { text: shown } = await waitFor('the log error', () =>
        calls.find(({ kind, text }) => kind === 'showErrorMessage' && text.includes('could not read the annotation log')),
      );
      assert.ok(shown.replaceAll('\u200b', '').includes(`${COMMAND_LINK}.shard.jsonl.annotations`), shown);
      assert.doesNotMatch(shown, NOTIFICATION_LINK);
    });
  });
  test('Test Model Profile with a profile named with a command link, an icon and an override: its pick, progress and result show none', async () => {
    const server = await OpenAIServer.start();
    server.answerWith(providerMode('openai-reasoning', { answer: 'Red' }));
    const profiles = vscode.workspace.getConfiguration('imageryAnnotator');
    try {
      await profiles.update(
        'modelProfiles',
        [{ name: `${COMMAND_LINK} $(zap) \u202eevil`, baseUrl: server.baseUrl, model: `m $(zap) ${COMMAND_LINK}` }],
        vscode.ConfigurationTarget.Global,
      );
      await shownByVsCode(async (calls) => {
        await vscode.commands.executeCommand('imageryAnnotator.testModelProfile');
        const result = await waitFor('the result', () => calls.find(({ text }) => text.includes(' works: ')), 30_000);
        assert.equal(result.kind, 'showInformationMessage');
        assert.deepEqual([...new Set(calls.map(({ kind }) => kind))], ['quick pick', 'progress', 'showInformationMessage']);
        for (const { kind, text } of calls) {
          assert.ok(text.replaceAll('\u200b', '').includes('[Click](command:'), `the ${kind} names the profile: ${text}`);
          assert.doesNotMatch(text, NOTIFICATION_LINK, kind);
          assert.doesNotMatch(text, LABEL_ICON, kind);
          assert.doesNotMatch(text, BIDI_OVERRIDE, kind);
        }
      });
    } finally {
      await profiles.update('modelProfiles', undefined, vscode.ConfigurationTarget.Global);
      await server.close();
    }
  });
});
