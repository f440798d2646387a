// Activation, timed in Node: the production extension bundle (minified, as
// `npm run package` ships it) is loaded in fresh processes with a stand-in
// for the `vscode` module (probe.cjs) and activate() is called. The figure is
// the bundle's own timing (src/host/activation-time.ts): evaluating its
// modules plus activate(). It leaves out the extension host (its pause before
// activate() and the workbench behind the stand-in); the real host's figure is
// printed by the integration suite (README, "Activation").
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { extensionBundle } from '../../scripts/build.mjs';
import { REPO_ROOT } from '../../test/helpers/dataset';
import { measured, type Figure } from '../report';
import { median } from '../stats';

const BUDGET_MS = 50;
const PROBE = path.join(REPO_ROOT, 'bench', 'activation', 'probe.cjs');

interface Probe {
  loadMs: number;
  activateMs: number;
}

/** Builds the production extension bundle into `outdir`; returns its path. */
export async function buildExtensionBundle(outdir: string): Promise<string> {
  await esbuild.build({ ...extensionBundle, minify: true, logLevel: 'warning', absWorkingDir: REPO_ROOT, outdir });
  return path.join(outdir, 'extension.js');
}

function probe(bundle: string): Probe {
  const run = spawnSync(process.execPath, [PROBE, bundle], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`activation probe failed (exit ${run.status}): ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as Probe;
}

export async function activationFigures(outdir: string, runs: number, log: (line: string) => void): Promise<Figure[]> {
  log('activation: building the production extension bundle');
  const bundle = await buildExtensionBundle(outdir);
  log(`activation: ${runs} fresh processes`);
  const probes = Array.from({ length: runs }, () => probe(bundle));
  const kb = Math.round(statSync(bundle).size / 1024);
  const note = `Node ${process.version}, a vscode stand-in; evaluation ${median(probes.map((p) => p.loadMs)).toFixed(1)} ms + activate() ${median(probes.map((p) => p.activateMs)).toFixed(1)} ms (medians); bundle ${kb} KB minified; median of ${runs}`;
  return [
    measured(
      'activation: bundle evaluated + activate() (Node, vscode stand-in)',
      'ms',
      median(probes.map((p) => p.loadMs + p.activateMs)),
      BUDGET_MS,
      note,
    ),
  ];
}
