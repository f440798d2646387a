// The first-run pieces inside the real extension host: the `imagery` shim the
// extension puts on terminals' PATH (run as a child process, as a terminal
// would, with only the collection's PATH change), and the contributed walkthrough.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { makeRelease } from '../../fixtures/release-maker';
import { EXTENSION_ID, extensionApi, waitFor } from './harness';

const run = promisify(execFile);

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; image?: string; altText: string };
  completionEvents: string[];
  when?: string;
}

suite('First run: the imagery command in terminals', () => {
  test('the environment collection prepends the shim folder to PATH and says what it adds', async () => {
    const { firstRun } = await extensionApi();
    const shim = await firstRun.cliShim;
    assert.ok(shim, 'the shim was written');
    const change = firstRun.environment.get('PATH');
    assert.ok(change, 'PATH is changed');
    assert.equal(change.type, vscode.EnvironmentVariableMutatorType.Prepend);
    assert.equal(change.value, `${shim.binDir}${path.delimiter}`);
    assert.match(String(firstRun.environment.description), /imagery/);
    assert.ok(existsSync(shim.cmd), 'a .cmd shim for Windows terminals');
    assert.match(readFileSync(shim.cmd, 'utf8'), /dist[\\/]cli\.js" %\*/);
  });

  test('a shell with that PATH runs `imagery --help`, then an import', async () => {
    const { firstRun } = await extensionApi();
    const change = firstRun.environment.get('PATH');
    assert.ok(change);
    // What a new integrated terminal gets: the collection applied to the inherited environment.
    const env = { ...process.env, PATH: `${change.value}${process.env.PATH ?? ''}` };
    const help = await run('sh', ['-c', 'imagery --help'], { env });
    assert.match(help.stdout, /Usage: imagery <command>/);
    assert.match(help.stdout, /import/);

    const release = makeRelease();
    const out = mkdtempSync(path.join(tmpdir(), 'imagery-shim-import-'));
    try {
      const imported = await run('sh', ['-c', 'imagery import "$0" --domain music --out "$1" --json --quiet', release.dir, out], {
        env,
      });
      const { imports } = JSON.parse(imported.stdout) as { imports: { domain: string; requests: number; shards: string[] }[] };
      assert.deepEqual(
        imports.map((entry) => [entry.domain, entry.requests, entry.shards.map((file) => path.basename(file))]),
        [['music', 3, ['music-001.shard.jsonl']]],
      );
      assert.ok(existsSync(path.join(out, 'music-001.shard.jsonl')));
    } finally {
      release.cleanup();
      rmSync(out, { recursive: true, force: true });
    }
  });
});

suite('First run: the walkthrough', () => {
  const walkthrough = () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const list = extension.packageJSON.contributes.walkthroughs as { id: string; title: string; steps: WalkthroughStep[] }[];
    return { extension, walkthrough: list.find((entry) => entry.id === 'imageryAnnotator.getStarted') };
  };

  test('"Get started with Imagery Annotator" has seven steps, each with an image and a completion event', () => {
    const { extension, walkthrough: found } = walkthrough();
    assert.ok(found);
    assert.equal(found.title, 'Get started with Imagery Annotator');
    // The subtitle fits the Welcome page's one line (the longer one was cut).
    assert.equal((found as { description?: string }).description, 'From a release to your first annotated request.');
    assert.deepEqual(
      found.steps.map((step) => step.id),
      ['import', 'openShard', 'keyboard', 'annotator', 'model', 'export', 'report'],
    );
    for (const step of found.steps) {
      const media = step.media.svg ?? step.media.image;
      assert.ok(media && existsSync(path.join(extension.extensionPath, media)), `${step.id}: ${media}`);
      assert.ok(step.media.altText.length > 10, `${step.id} alt text`);
      assert.ok(step.completionEvents.length > 0, `${step.id} completion events`);
      for (const event of step.completionEvents) assert.match(event, /^(onCommand|onSettingChanged|onContext|onView):/);
    }
    const events = Object.fromEntries(found.steps.map((step) => [step.id, step.completionEvents]));
    // Ticked when shards exist (the import or the sample succeeded), not when the command starts.
    assert.deepEqual(events.import, ['onContext:imageryAnnotator.datasetReady']);
    assert.deepEqual(events.model, ['onCommand:imageryAnnotator.runModel']);
    assert.deepEqual(events.report, ['onCommand:imageryAnnotator.showReport']);
    assert.deepEqual(events.annotator, ['onSettingChanged:imageryAnnotator.annotator']);
  });

  test('an import stopped at its first question does not count as done', async () => {
    const { firstRun } = await extensionApi();
    const asked = Promise.resolve(vscode.commands.executeCommand('imageryAnnotator.importRelease'));
    let done = false;
    void asked.finally(() => (done = true));
    // Esc on the first question, as soon as it shows.
    await waitFor('the import to stop at its first question', async () => {
      if (!done) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return done;
    });
    assert.equal(await asked, undefined);
    assert.equal(firstRun.datasetReady(), false);
  });

  test("the Shards view's welcome text shows no Markdown code marks", () => {
    const { extension } = walkthrough();
    const welcome = extension.packageJSON.contributes.viewsWelcome as { view: string; contents: string }[];
    const shards = welcome.find((entry) => entry.view === 'imageryAnnotator.shards');
    assert.ok(shards);
    assert.doesNotMatch(shards.contents, /`/, 'viewsWelcome shows backticks as they are');
    assert.match(shards.contents, /The imagery command line is on the PATH/);
  });

  test('every command a step or its buttons name is registered, apart from the ones still being built (hidden until they are)', async () => {
    const { walkthrough: found } = walkthrough();
    assert.ok(found);
    const registered = new Set(await vscode.commands.getCommands(true));
    const named = found.steps.flatMap((step) =>
      [...step.completionEvents, ...(step.description.match(/command:[\w.]+/g) ?? [])]
        .map((text) => text.replace(/^(onCommand|command):/, ''))
        .filter((id) => id.startsWith('imageryAnnotator.') && !id.endsWith('.focus'))
        .map((id) => ({ step: step.id, id, when: step.when })),
    );
    for (const { step, id, when } of named) {
      assert.ok(registered.has(id) || when !== undefined, `${step}: ${id} is neither registered nor behind a when clause`);
    }
  });
});
