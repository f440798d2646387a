// `imagery audit` and `imagery eval` on inline runs, and the bundled CLI, as
// child processes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { REPO_ROOT } from '../../helpers/dataset';
import { OpenAIServer } from '../../helpers/openai-server';
import { imagery, type Result, onRequestR1 } from './cli-process';
import { makeDataset, makeRecord } from './fixture';

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

const base = (shardFile: string, ...rest: string[]) => onRequestR1('run', shardFile, server.baseUrl, 'vision-1', ...rest);

describe('the bundled CLI', () => {
  test('the esbuild bundle reads a JSONC profiles file (jsonc-parser bundles)', async (t) => {
    const { root, shardFile } = makeDataset(t, [makeRecord()]);
    const esbuild = await import('esbuild');
    const { cliBundle } = (await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'build.mjs')).href)) as {
      cliBundle: object;
    };
    const outdir = path.join(root, 'dist');
    await esbuild.build({ ...cliBundle, absWorkingDir: REPO_ROOT, outdir, logLevel: 'silent', sourcemap: false });
    const profiles = path.join(root, 'profiles.json');
    writeFileSync(
      profiles,
      '{ // mine\n "imageryAnnotator.modelProfiles": [{ "name": "x", "baseUrl": "http://127.0.0.1:1/v1", "model": "m" },], }',
    );
    const result = await new Promise<Result>((resolve) => {
      const child = spawn(process.execPath, [
        path.join(outdir, 'cli.js'),
        'run',
        '--shard',
        shardFile,
        '--request',
        'r1',
        '--task',
        'rec_title',
        '--profile',
        'y',
        '--profiles',
        profiles,
      ]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (part) => (stdout += part));
      child.stderr.on('data', (part) => (stderr += part));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /no profile "y" \(profiles: "x"\)/);
  });
});

describe('imagery audit and eval on inline runs', () => {
  test('audit counts false hits, false misses and choice agreement; eval scores the inline run per model/input', async (t) => {
    const { shardFile } = makeDataset(t, [
      makeRecord({ runs: [{ model: 'm', input: 'image', task: 'rec_choice', answer: 'B' }] }),
    ]);
    server.enqueue({ text: '1. Blue Hour - Night Owls\n2. Someone - Else' });
    const run = JSON.parse((await imagery(base(shardFile, '--task', 'rec_title', '--json'))).stdout);
    const log = AnnotationLog.open(shardFile, 'ana');
    await log.append(
      { type: 'model-verdict', request: 'r1', run: run.run, target: { kind: 'title', index: 0 }, verdict: 'not-relevant' },
      { type: 'model-verdict', request: 'r1', run: run.run, target: { kind: 'title', index: 1 }, verdict: 'relevant' },
      { type: 'model-verdict', request: 'r1', run: 'm/image/rec_choice', target: { kind: 'choice' }, verdict: 'agree' },
    );
    const audit = await imagery(['audit', path.dirname(shardFile), '--json', '--quiet']);
    assert.equal(audit.code, 0, audit.stderr);
    const report = JSON.parse(audit.stdout);
    assert.deepEqual([report.overall.falseHits, report.overall.falseMisses, report.overall.agreement], [1, 1, 1]);
    assert.deepEqual(
      report.rows.map((row: any) => [row.source, row.model, row.task]),
      [
        ['inline', 'vision-1', 'rec_title'],
        ['stored', 'm', 'rec_choice'],
      ],
    );
    const text = await imagery(['audit', shardFile, '--quiet']);
    const lines = text.stdout.trimEnd().split('\n');
    assert.match(
      lines[0],
      /^source +model +input +task +requests +titles judged +false hits +false misses +unsure +choices judged +agreement$/,
    );
    const overall = report.overall;
    const counts = [
      overall.requests,
      overall.titlesJudged,
      overall.falseHits,
      overall.falseMisses,
      overall.unsure,
      overall.choicesJudged,
    ];
    assert.match(lines.at(-1) ?? '', new RegExp(`^all +${counts.join(' +')} +100\\.0%$`));
    const evaluated = await imagery(['eval', shardFile, '--json', '--quiet']);
    const rows = JSON.parse(evaluated.stdout).rows;
    const inline = rows.find((row: any) => row.source === 'inline');
    assert.deepEqual(
      [inline.model, inline.input, inline.prompt, inline.hit1, inline.requests],
      ['vision-1', 'image', 'standard', 1, 1],
    );
  });

  test('eval scores only the latest inline run of a model/prompt/input/task, whichever way it went', async (t) => {
    const { shardFile } = makeDataset(t, [makeRecord()]);
    const evalInline = async () => {
      const rows = JSON.parse((await imagery(['eval', shardFile, '--json', '--quiet'])).stdout).rows;
      const inline = rows.filter((row: any) => row.source === 'inline');
      return inline.map((row: any) => [row.model, row.prompt, row.accuracy, row.choiceRequests]);
    };
    // The true candidate is B; each run replaces the one before.
    for (const [answer, accuracy] of [
      ['C. gamma - three', 0],
      ['B. blue hour - night owls', 100],
      ['D. delta - four', 0],
    ] as const) {
      server.enqueue({ text: answer });
      assert.equal((await imagery(base(shardFile, '--task', 'rec_choice', '--json'))).code, 0);
      assert.deepEqual(await evalInline(), [['vision-1', 'standard', accuracy, 1]], answer);
    }
  });
});
