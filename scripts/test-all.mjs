// `npm test`: build + typecheck, then the three test layers. Ends with one
// line `N passed, N failed, N skipped` and exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { TSC, TYPECHECK_PROJECTS } from './typecheck.mjs';

/** Runs a command, echoing its output, and resolves with exit code and text. */
function run(command, args, env = {}) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (stream, sink) =>
      stream.on('data', (chunk) => {
        output += chunk;
        sink.write(chunk);
      });
    collect(child.stdout, process.stdout);
    collect(child.stderr, process.stderr);
    child.on('close', (code) => resolveRun({ code: code ?? 1, output }));
    child.on('error', (error) => resolveRun({ code: 1, output: String(error) }));
  });
}

function lastNumber(output, pattern) {
  const matches = [...output.matchAll(pattern)];
  return matches.length === 0 ? undefined : Number(matches[matches.length - 1][1]);
}

/** node:test TAP summary (`# pass N` ...). */
function tapCounts(output) {
  const passed = lastNumber(output, /^# pass (\d+)$/gm);
  if (passed === undefined) return undefined;
  return {
    passed,
    failed: (lastNumber(output, /^# fail (\d+)$/gm) ?? 0) + (lastNumber(output, /^# cancelled (\d+)$/gm) ?? 0),
    // node counts a skipped describe() block as one test at most: count the SKIP directives instead.
    skipped: (output.match(/^\s*ok \d+ - .*# SKIP\b/gm) ?? []).length + (lastNumber(output, /^# todo (\d+)$/gm) ?? 0),
  };
}

/** mocha spec summary (`N passing`, `N failing`, `N pending`). */
function mochaCounts(output) {
  const passed = lastNumber(output, /^\s*(\d+) passing\b/gm);
  if (passed === undefined) return undefined;
  return {
    passed,
    failed: lastNumber(output, /^\s*(\d+) failing\b/gm) ?? 0,
    skipped: lastNumber(output, /^\s*(\d+) pending\b/gm) ?? 0,
  };
}

function sum(...counts) {
  const present = counts.filter(Boolean);
  if (present.length === 0) return undefined;
  return present.reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }));
}

const summaries = [];
const total = { passed: 0, failed: 0, skipped: 0 };

/** A step without test counts: a failure counts as one failed test. */
async function step(name, command, args) {
  const { code } = await run(command, args);
  summaries.push(`${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code}, counted as 1 failure)`}`);
  if (code !== 0) total.failed += 1;
  return code === 0;
}

/** A test layer: counts parsed from its output; a crash without counts is one failure. */
async function layer(name, script, parse) {
  if (!existsSync(script)) {
    summaries.push(`${name}: FAILED (${script} is missing, counted as 1 failure)`);
    total.failed += 1;
    return;
  }
  console.log(`\n=== ${name}: node ${script}`);
  const { code, output } = await run(process.execPath, [script], { TEST_REPORTER: 'tap' });
  const counts = parse(output) ?? { passed: 0, failed: 0, skipped: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  for (const key of Object.keys(total)) total[key] += counts[key];
  summaries.push(
    `${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${code === 0 ? '' : ` (exit ${code})`}`,
  );
}

const built = await step('build', process.execPath, ['scripts/build.mjs']);
for (const { name, project } of TYPECHECK_PROJECTS)
  await step(`typecheck (${name})`, process.execPath, [TSC, '--noEmit', '-p', project]);
await step('lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '.']);
await step('format', process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '.']);
await layer('layer 1 unit', 'scripts/test-unit.mjs', tapCounts);
if (built) {
  await layer('layer 2 webview', 'scripts/test-webview.mjs', tapCounts);
  await layer('layer 3 vscode', 'scripts/vscode/test-vscode.mjs', (output) => sum(mochaCounts(output), tapCounts(output)));
} else {
  summaries.push('layers 2 and 3: not run (build failed)');
}

console.log(`\n${summaries.join('\n')}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
