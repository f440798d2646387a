// The report view in the real VS Code: two annotators' logs on a sample give
// the hand-computed kappa; clicking a disagreement opens the request; an
// adjudication, once saved, shows in the report and changes the export.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { AnnotationEvent, EventDraft } from '../../../src/core/annotations/events';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { exportCorrected } from '../../../src/core/release/export';
import { drawSample } from '../../../src/core/validation/sample';
import { serializeQueue } from '../../../src/core/validation/queue';
import { closeEverything, createShard, extensionApi, lastShow, syntheticRecords, waitFor } from './harness';

const validity = (request: string, invalid: boolean): EventDraft =>
  invalid
    ? { type: 'validity', request, verdict: 'invalid', reason: 'Not a rec request' }
    : { type: 'validity', request, verdict: 'valid' };

function events(annotator: string, drafts: EventDraft[], start: number): AnnotationEvent[] {
  return drafts.map(
    (draft, i) =>
      ({ ...draft, v: 1, id: `${annotator}-${i}`, time: new Date(start + i * 1000).toISOString(), annotator }) as AnnotationEvent,
  );
}

suite('report view', () => {
  teardown(closeEverything);

  test('kappa by hand, a click on a disagreement opens the request, an adjudication shows and changes the export', async function () {
    this.timeout(150_000); // two waits on the file watcher, which a loaded machine slows down
    const records = syntheticRecords(5);
    const shard = await createShard('report', records);
    // Ana: valid, valid, invalid, valid, valid. Ben: valid, invalid, invalid, valid, valid.
    // p_o = 4/5; p_e = (4/5)(3/5) + (1/5)(2/5) = 0.56; kappa = (0.8 - 0.56) / 0.44 = 6/11.
    const t0 = Date.UTC(2026, 0, 5, 9);
    await AnnotationLog.open(shard.file, 'ana').appendRaw(
      events(
        'ana',
        [0, 1, 2, 3, 4].map((i) => validity(`r${i}`, i === 2)),
        t0,
      ),
    );
    await AnnotationLog.open(shard.file, 'ben').appendRaw(
      events(
        'ben',
        [0, 1, 2, 3, 4].map((i) => validity(`r${i}`, i === 1 || i === 2)),
        t0 + 60_000,
      ),
    );
    const queueFile = path.join(path.dirname(shard.file), 'sample.queue.json');
    const queue = drawSample([{ file: shard.file, records }], {
      name: 'sample',
      unit: 'requests',
      size: 5,
      seed: 1,
      queueDir: path.dirname(shard.file),
    });
    await fs.writeFile(queueFile, serializeQueue(queue));

    const api = await extensionApi();
    await vscode.commands.executeCommand('imageryAnnotator.showReport', queueFile);
    const report = await waitFor('the report', () => api.reportPanel()?.report, 60_000);
    assert.deepEqual(report.agreement.annotators, ['ana', 'ben']);
    assert.ok(Math.abs(report.agreement.cohenKappa! - 6 / 11) < 1e-12, `kappa ${report.agreement.cohenKappa}`);
    assert.deepEqual(
      report.agreement.disagreements.map((d) => d.request),
      ['r1'],
    );

    const panel = api.reportPanel()!;
    await panel.receive({ type: 'openRequest', shard: shard.file, request: 'r1' });
    const editor = await waitFor('the annotator on r1', () => {
      const open = api.testing.panelsOf(shard.uri)[0];
      const shown = open && lastShow(open);
      return shown?.view.kind === 'record' && shown.view.record.id === 'r1' ? open : undefined;
    });
    assert.ok(editor);

    await AnnotationLog.open(shard.file, 'rita').append({
      type: 'adjudication',
      request: 'r1',
      verdict: 'invalid',
      reason: 'Not a rec request',
    });
    // The log was written outside the editor: the file watcher brings it, which a loaded machine can take seconds to do.
    const refreshed = await waitFor(
      'the report to show the adjudication',
      () => {
        const current = api.reportPanel()?.report;
        return current?.resolution.validity.adjudicated === 1 ? current : undefined;
      },
      60_000,
    );
    assert.equal(refreshed.agreement.disagreements[0].adjudicated, true);
    const summary = await exportCorrected([shard.file], path.join(shard.root, 'export'), { seed: 1 });
    assert.deepEqual(summary.domains[0].invalidated, ['r1', 'r2']);
  });
});
