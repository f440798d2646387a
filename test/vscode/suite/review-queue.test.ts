// Review queues and adjudication in the real VS Code: next / previous walk a
// queue's items across two shards, landing on each queued comment, while the
// status bar counts this annotator's done items; a disagreement opened from
// the report lands on the adjudication panel, and an adjudication made there
// (and undone) changes the export.
import assert from 'node:assert/strict';
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { AnnotationEvent, EventDraft } from '../../../src/core/annotations/events';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { exportCorrected } from '../../../src/core/release/export';
import { QUEUE_FORMAT, QUEUE_VERSION, serializeQueue, type ReviewQueue } from '../../../src/core/validation/queue';
import { writeShard } from '../../../src/core/shard/writer';
import type { PanelController } from '../../../src/host/editor/panel';
import type { HostToWebview } from '../../../src/protocol';
import {
  ANNOTATOR,
  annotate,
  closeEverything,
  confirmDraft,
  createShard,
  extensionApi,
  lastShow,
  navigate,
  setSettings,
  syntheticRecords,
  waitFor,
} from './harness';

type Show = Extract<HostToWebview, { type: 'show' }>;
type Disputes = Extract<HostToWebview, { type: 'disputes' }>;

/** The panel's last show, once it shows `request` (and the queue item `index`, when given). */
function showing(panel: PanelController | undefined, request: string, index?: number): Show | undefined {
  const shown = panel && lastShow(panel);
  if (shown?.view.kind !== 'record' || shown.view.record.id !== request) return undefined;
  if (index !== undefined && shown.queue?.index !== index) return undefined;
  return shown;
}

function lastDisputes(panel: PanelController, request: string): Disputes | undefined {
  for (let i = panel.history.length - 1; i >= 0; i--) {
    const message = panel.history[i];
    if (message.type === 'disputes' && message.requestId === request) return message;
  }
  return undefined;
}

function events(annotator: string, drafts: EventDraft[], start: number): AnnotationEvent[] {
  return drafts.map(
    (draft, i) =>
      ({ ...draft, v: 1, id: `${annotator}-${i}`, time: new Date(start + i * 1000).toISOString(), annotator }) as AnnotationEvent,
  );
}

suite('review queue and adjudication', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('imageryAnnotator.leaveReviewQueue');
    await setSettings({});
    await closeEverything();
  });

  test('next / previous walk the queue across shards, on its comments, and the status bar counts done items', async function () {
    this.timeout(120_000);
    await setSettings({});
    const shardA = await createShard('queue-walk', syntheticRecords(5));
    const fileB = path.join(path.dirname(shardA.file), 'second.shard.jsonl');
    await writeShard(
      fileB,
      syntheticRecords(2).map((record) => ({ ...record, id: `s${record.id}` })),
    );
    const uriB = vscode.Uri.file(fileB);
    const queue: ReviewQueue = {
      format: QUEUE_FORMAT,
      version: QUEUE_VERSION,
      name: 'walk',
      unit: 'comments',
      seed: 7,
      population: 21,
      shards: ['second.shard.jsonl', 'test.shard.jsonl'],
      items: [
        { shard: 'test.shard.jsonl', request: 'r1', comment: 'c2' },
        { shard: 'test.shard.jsonl', request: 'r3', comment: 'c1' },
        { shard: 'second.shard.jsonl', request: 'sr0', comment: 'c3' },
      ],
    };
    const queueFile = path.join(path.dirname(shardA.file), 'walk.queue.json');
    await fs.writeFile(queueFile, serializeQueue(queue));

    const api = await extensionApi();
    assert.equal(await vscode.commands.executeCommand('imageryAnnotator.openReviewQueue', queueFile), true);
    const panelA = () => api.testing.panelsOf(shardA.uri)[0];
    const first = await waitFor('the first queue item', () => showing(panelA(), 'r1', 0), 30_000);
    assert.deepEqual(first.queue, { name: 'walk', index: 0, total: 3, done: 0 });
    await waitFor('the comment focus of the first item', () =>
      panelA().history.some((m) => m.type === 'show' && m.focus?.kind === 'comment' && m.focus.comment === 'c2'),
    );
    await waitFor('the status bar on the queue', () => api.testing.statusBarText() === 'Imagery: queue walk 0/3 done');

    // Done = this annotator decided the queued comment.
    const decided = await annotate(panelA(), confirmDraft('r1', 'c2'));
    assert.ok(decided.type === 'reply' && decided.ok, JSON.stringify(decided));
    await waitFor('the status bar to count it', () => api.testing.statusBarText() === 'Imagery: queue walk 1/3 done', 30_000);

    // The Shards view shows the queue with this annotator's progress.
    await waitFor('the queue row in the Shards view', async () =>
      (await api.testing.shardTreeRows()).some(
        (row) => row.path === queueFile && row.description === 'queue walk: 1/3 done (walking)',
      ),
    );

    // next skips r2 (not in the queue) and lands on the next item's comment.
    const moved = await navigate(panelA(), { kind: 'next' });
    assert.ok(moved.type === 'reply' && moved.ok, JSON.stringify(moved));
    assert.deepEqual(showing(panelA(), 'r3', 1)?.focus, { kind: 'comment', comment: 'c1' });

    // The third item is in the other shard: its editor opens at the item.
    const across = await navigate(panelA(), { kind: 'next' });
    assert.ok(across.type === 'reply' && across.ok, JSON.stringify(across));
    const panelB = () => api.testing.panelsOf(uriB)[0];
    const third = await waitFor('the other shard at the third item', () => showing(panelB(), 'sr0', 2), 30_000);
    assert.equal(third.queue?.done, 1);
    const atEnd = await navigate(panelB(), { kind: 'next' });
    assert.ok(atEnd.type === 'reply' && !atEnd.ok && /last item of the queue walk/.test(atEnd.error), JSON.stringify(atEnd));

    // previous goes back across the shards, to the second item.
    await navigate(panelB(), { kind: 'previous' });
    await waitFor('the first shard at the second item', () => showing(panelA(), 'r3', 1), 30_000);

    // Another annotator working the same queue sees their own progress.
    await vscode.workspace
      .getConfiguration('imageryAnnotator')
      .update('annotator', 'second-reviewer', vscode.ConfigurationTarget.Global);
    await waitFor(
      "the second annotator's progress",
      () => api.testing.statusBarText() === 'Imagery: queue walk 0/3 done',
      30_000,
    );
    await setSettings({});
    await waitFor(
      "the first annotator's progress again",
      () => api.testing.statusBarText() === 'Imagery: queue walk 1/3 done',
      30_000,
    );

    // Leaving the queue: next walks the shard again (r3 -> r4), and the status bar counts the shard.
    await vscode.commands.executeCommand('imageryAnnotator.leaveReviewQueue');
    assert.equal(api.testing.reviewQueue(), undefined);
    await navigate(panelA(), { kind: 'next' });
    const plain = await waitFor('normal navigation', () => showing(panelA(), 'r4'));
    assert.equal(plain.queue, undefined);
    await waitFor('the shard progress in the status bar', () =>
      /^Imagery: \d+\/5 reviewed$/.test(api.testing.statusBarText() ?? ''),
    );
  });

  test('a queue opened while the window is still resuming the one it walked before a reload is the one walked', async function () {
    this.timeout(120_000);
    await setSettings({});
    const api = await extensionApi();
    // Queue "slow": its shard has a long log, so walking it again takes a while. Queue "quick": a shard with none.
    const slow = await createShard('resume-slow', syntheticRecords(3));
    const drafts: EventDraft[] = Array.from({ length: 100_000 }, (_, i) => ({
      type: 'note',
      request: `r${i % 3}`,
      text: `note ${i}`,
    }));
    await AnnotationLog.open(slow.file, ANNOTATOR).appendRaw(events(ANNOTATOR, drafts, Date.parse('2024-06-01T00:00:00Z')));
    const quick = await createShard('resume-quick', syntheticRecords(3));
    const queueOf = (shard: { file: string }, name: string) => {
      const queue: ReviewQueue = {
        format: QUEUE_FORMAT,
        version: QUEUE_VERSION,
        name,
        unit: 'requests',
        seed: 1,
        population: 3,
        shards: ['test.shard.jsonl'],
        items: [0, 1, 2].map((i) => ({ shard: 'test.shard.jsonl', request: `r${i}` })),
      };
      return { file: path.join(path.dirname(shard.file), `${name}.queue.json`), text: serializeQueue(queue) };
    };
    const slowQueue = queueOf(slow, 'slow');
    const quickQueue = queueOf(quick, 'quick');
    await fs.writeFile(slowQueue.file, slowQueue.text);
    await fs.writeFile(quickQueue.file, quickQueue.text);
    assert.equal(await vscode.commands.executeCommand('imageryAnnotator.openReviewQueue', slowQueue.file), true);
    await closeEverything();

    // The reload: the slow queue is read again while the annotator opens the quick one.
    const resumed = api.testing.resumeReviewQueueAfterReload();
    assert.equal(await vscode.commands.executeCommand('imageryAnnotator.openReviewQueue', quickQueue.file), true);
    assert.equal(api.testing.reviewQueue()?.name, 'quick');
    await resumed;
    assert.equal(api.testing.reviewQueue()?.name, 'quick', 'the queue read for the resume must not replace the one opened since');
    assert.equal(api.testing.reviewQueue()?.file, quickQueue.file);
  });

  test('a reload resumes the walk at the item the annotator was on, not at the first one not done', async function () {
    this.timeout(120_000);
    await setSettings({});
    const api = await extensionApi();
    const shard = await createShard('resume-item', syntheticRecords(4));
    const queue: ReviewQueue = {
      format: QUEUE_FORMAT,
      version: QUEUE_VERSION,
      name: 'where',
      unit: 'requests',
      seed: 1,
      population: 4,
      shards: ['test.shard.jsonl'],
      items: [0, 1, 2, 3].map((i) => ({ shard: 'test.shard.jsonl', request: `r${i}` })),
    };
    const queueFile = path.join(path.dirname(shard.file), 'where.queue.json');
    await fs.writeFile(queueFile, serializeQueue(queue));
    assert.equal(await vscode.commands.executeCommand('imageryAnnotator.openReviewQueue', queueFile), true);
    const panel = () => api.testing.panelsOf(shard.uri)[0];
    await waitFor('the first item', () => showing(panel(), 'r0', 0), 30_000);
    // Nothing decided: the first item not done stays r0, while the annotator walks on to the third item.
    await navigate(panel(), { kind: 'next' });
    await navigate(panel(), { kind: 'next' });
    await waitFor('the third item', () => showing(panel(), 'r2', 2), 30_000);
    await closeEverything();

    await api.testing.resumeReviewQueueAfterReload();
    assert.equal(api.testing.reviewQueue()?.name, 'where');
    assert.equal(api.testing.reviewQueue()?.index, 2, 'the walk resumes on the item it was on');
  });

  test("manual mode: the queue banner's item and done count equal the status bar's after each step", async function () {
    this.timeout(120_000);
    await setSettings({ saveMode: 'manual' });
    const api = await extensionApi();
    const shard = await createShard('banner-count', syntheticRecords(3));
    const items = [
      { shard: 'test.shard.jsonl', request: 'r0', comment: 'c1' },
      { shard: 'test.shard.jsonl', request: 'r0', comment: 'c2' },
      { shard: 'test.shard.jsonl', request: 'r1', comment: 'c1' },
      { shard: 'test.shard.jsonl', request: 'r2', comment: 'c3' },
    ];
    const queue: ReviewQueue = {
      format: QUEUE_FORMAT,
      version: QUEUE_VERSION,
      name: 'banner',
      unit: 'comments',
      seed: 3,
      population: 12,
      shards: ['test.shard.jsonl'],
      items,
    };
    const queueFile = path.join(path.dirname(shard.file), 'banner.queue.json');
    await fs.writeFile(queueFile, serializeQueue(queue));
    assert.equal(await vscode.commands.executeCommand('imageryAnnotator.openReviewQueue', queueFile), true);
    const panel = () => api.testing.panelsOf(shard.uri)[0];
    await waitFor('the first item', () => showing(panel(), 'r0', 0), 30_000);

    /** What the banner says: the last show's queue status, with the recounts posted since. */
    const banner = () => {
      const history = panel().history;
      let status: { index: number; done: number; total: number } | undefined;
      for (const message of history) {
        if (message.type === 'show') status = message.queue && { ...message.queue };
        else if (message.type === 'queueProgress' && status) status = { ...status, done: message.done, total: message.total };
      }
      return status && `item ${status.index + 1} · ${status.done}/${status.total} done`;
    };
    const statusBar = () => {
      const done = /queue banner (\d+\/\d+) done$/.exec(api.testing.statusBarText() ?? '')?.[1];
      const item = /item (\d+) is current/.exec(api.testing.statusBarTooltip() ?? '')?.[1];
      return done && item && `item ${item} · ${done} done`;
    };
    const agree = async (step: string, expected: string) => {
      try {
        await waitFor(step, () => statusBar() === expected && banner() === expected, 10_000);
      } catch {
        assert.fail(`${step}: expected "${expected}" in both; status bar "${statusBar()}", banner "${banner()}"`);
      }
    };

    await agree('opened', 'item 1 · 0/4 done');
    for (const [i, item] of items.entries()) {
      const decided = await annotate(panel(), confirmDraft(item.request, item.comment));
      assert.ok(decided.type === 'reply' && decided.ok, JSON.stringify(decided));
      await agree(`item ${i + 1} decided`, `item ${i + 1} · ${i + 1}/4 done`);
      if (i === items.length - 1) break;
      const moved = await navigate(panel(), { kind: 'next' });
      assert.ok(moved.type === 'reply' && moved.ok, JSON.stringify(moved));
      await agree(`stepped to item ${i + 2}`, `item ${i + 2} · ${i + 1}/4 done`);
    }
  });

  test('a disagreement opened from the report lands on the adjudication panel; an adjudication there changes the export', async function () {
    this.timeout(150_000);
    await setSettings({});
    const shard = await createShard('adjudicate', syntheticRecords(3));
    const t0 = Date.UTC(2026, 0, 5, 9);
    // r1: Ana says valid, Ben (later) invalid: without adjudication the rule takes Ben's, the later answer.
    await AnnotationLog.open(shard.file, 'ana').appendRaw(
      events(
        'ana',
        [0, 1, 2].map((i) => ({ type: 'validity', request: `r${i}`, verdict: 'valid' }) as EventDraft),
        t0,
      ),
    );
    await AnnotationLog.open(shard.file, 'ben').appendRaw(
      events(
        'ben',
        [0, 1, 2].map(
          (i) =>
            (i === 1
              ? { type: 'validity', request: 'r1', verdict: 'invalid', reason: 'Image is text' }
              : { type: 'validity', request: `r${i}`, verdict: 'valid' }) as EventDraft,
        ),
        t0 + 60_000,
      ),
    );
    const before = await exportCorrected([shard.file], path.join(shard.root, 'export-before'), { seed: 1 });
    assert.deepEqual(before.domains[0].invalidated, ['r1']);

    const queue: ReviewQueue = {
      format: QUEUE_FORMAT,
      version: QUEUE_VERSION,
      name: 'adjudicate',
      unit: 'requests',
      seed: 1,
      population: 3,
      shards: ['test.shard.jsonl'],
      items: [0, 1, 2].map((i) => ({ shard: 'test.shard.jsonl', request: `r${i}` })),
    };
    const queueFile = path.join(path.dirname(shard.file), 'adjudicate.queue.json');
    await fs.writeFile(queueFile, serializeQueue(queue));
    const api = await extensionApi();
    await vscode.commands.executeCommand('imageryAnnotator.showReport', queueFile);
    const report = await waitFor('the report', () => api.reportPanel()?.report, 60_000);
    assert.deepEqual(
      report.agreement.disagreements.map((d) => d.request),
      ['r1'],
    );
    await api.reportPanel()!.receive({ type: 'openRequest', shard: shard.file, request: 'r1' });
    const editor = await waitFor('the annotator on r1', () => {
      const open = api.testing.panelsOf(shard.uri)[0];
      return showing(open, 'r1') ? open : undefined;
    });
    // The focus goes with the first show after the webview is ready (a later re-show, e.g. once indexed, keeps the place).
    await waitFor('a show that puts the keyboard on the adjudication panel', () =>
      editor.history.some((m) => m.type === 'show' && m.focus?.kind === 'adjudication' && showing(editor, 'r1')),
    );
    const disputes = await waitFor('the disputes of r1', () => lastDisputes(editor, 'r1'));
    assert.deepEqual(disputes.disputes, [
      {
        kind: 'validity',
        answers: [
          { annotator: 'ana', text: 'valid', choice: { verdict: 'valid' } },
          { annotator: 'ben', text: 'invalid: Image is text', choice: { verdict: 'invalid', reason: 'Image is text' } },
        ],
      },
    ]);

    // The reviewer takes Ana's answer, as the panel's "Take" button sends it.
    const reply = await annotate(editor, { type: 'adjudication', request: 'r1', verdict: 'valid' });
    assert.ok(reply.type === 'reply' && reply.ok, JSON.stringify(reply));
    await waitFor('the dispute to show as settled', () => lastDisputes(editor, 'r1')?.disputes[0]?.settled === 'valid');
    const own = (await AnnotationLog.open(shard.file, ANNOTATOR).read()).events;
    assert.deepEqual(
      own.map((event) => [event.type, (event as { verdict?: string }).verdict]),
      [['adjudication', 'valid']],
      "the decision is in the reviewer's own log",
    );
    const after = await exportCorrected([shard.file], path.join(shard.root, 'export-after'), { seed: 1 });
    assert.deepEqual(after.domains[0].invalidated, []);

    // Undo takes the adjudication back, as for any other action.
    editor.panel.reveal();
    await waitFor('the editor to be active', () => api.testing.activePanel() === editor);
    await vscode.commands.executeCommand('undo');
    await waitFor(
      'the dispute to be open again',
      () => {
        const latest = lastDisputes(editor, 'r1');
        return latest !== undefined && latest.disputes[0]?.settled === undefined;
      },
      30_000,
    );
    const undone = await exportCorrected([shard.file], path.join(shard.root, 'export-undone'), { seed: 1 });
    assert.deepEqual(undone.domains[0].invalidated, ['r1']);

    // A third annotator's answer, written outside the editor, joins the panel while it stays on r1
    // (the file watcher brings it; no new show is needed).
    await editor.settled();
    // Messages already posted, by identity: the history is capped, so positions in it shift.
    const postedBefore = new Set(api.testing.panelsOf(shard.uri).flatMap((panel) => panel.history));
    // For a failure: did the document hear of the other logs' change at all?
    let otherLogsHeard = 0;
    const shardDocument = api.testing.documents().find((document) => document.uri.toString() === shard.uri.toString());
    const heard = shardDocument?.onDidChangeOtherLogs(() => void otherLogsHeard++);
    const caraLog = AnnotationLog.open(shard.file, 'cara');
    await caraLog.append({ type: 'validity', request: 'r1', verdict: 'valid' });
    const hasCara = (m: HostToWebview) =>
      m.type === 'disputes' && m.disputes[0]?.answers.some((answer) => answer.annotator === 'cara') === true;
    // Looked up each time: the workbench may have given the editor a new panel meanwhile (its history starts afresh).
    const withCara = await waitFor(
      "the third annotator's answer in the panel",
      () => {
        for (const panel of api.testing.panelsOf(shard.uri)) {
          const fresh = panel.history.filter((m) => !postedBefore.has(m));
          const index = fresh.findIndex(hasCara);
          if (index !== -1) return { known: fresh.length < panel.history.length, preceding: fresh.slice(0, index) };
        }
        return undefined;
      },
      60_000,
    ).catch((error: unknown) => {
      const documents = api.testing.documents().filter((document) => document.uri.toString() === shard.uri.toString()).length;
      const seen = api.testing.panelsOf(shard.uri).map((panel) => ({
        visible: panel.panel.visible,
        length: panel.history.length,
        fresh: panel.history.filter((m) => !postedBefore.has(m)).length,
        tail: panel.history.slice(-8).map((m) => (m.type === 'disputes' ? `disputes:${JSON.stringify(m.disputes)}` : m.type)),
      }));
      const caraSize = statSync(caraLog.file, { throwIfNoEntry: false })?.size;
      throw new Error(
        `${String(error)}; other-logs changes heard by the document: ${otherLogsHeard}; cara's log: ${caraSize ?? 'absent'} bytes; ` +
          `documents of the shard: ${documents}; their panels: ${JSON.stringify(seen)}`,
      );
    });
    heard?.dispose();
    // Within the same panel the answers come without the request being shown again.
    if (withCara.known)
      assert.deepEqual(
        withCara.preceding.filter((m) => m.type === 'show'),
        [],
        'the answers came without the request being shown again',
      );
  });
});
