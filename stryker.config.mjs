// Mutation testing of the core's rule modules with StrykerJS (`npm run mutate`).
// Each module is mutated against the unit tests that cover it; the tap runner
// runs each test file with node's test runner through tsx. Not in CI: too slow
// for two cores. See docs/testing.md, "Mutation testing".
import { readdirSync } from 'node:fs';

/** Module -> the files to mutate and the unit tests that cover them. */
export const MODULES = {
  paper: { mutate: ['src/core/paper/**/*.ts'], tests: ['test/unit/paper/*.test.ts', 'test/unit/models/matcher-explain.test.ts'] },
  stats: { mutate: ['src/core/stats/**/*.ts'], tests: ['test/unit/stats/*.test.ts'] },
  release: { mutate: ['src/core/release/**/*.ts'], tests: ['test/unit/release/*.test.ts'] },
  report: { mutate: ['src/core/report/**/*.ts'], tests: ['test/unit/report/*.test.ts'] },
  annotations: {
    mutate: ['src/core/annotations/**/*.ts'],
    // git-team (real git, 10 annotators x 50 shards, about 14 s a run) left out: it would run for most mutants.
    tests: readdirSync('test/unit/annotations')
      .filter((name) => name.endsWith('.test.ts') && name !== 'git-team.test.ts')
      .map((name) => `test/unit/annotations/${name}`),
  },
  validation: { mutate: ['src/core/validation/**/*.ts'], tests: ['test/unit/validation/*.test.ts'] },
  models: {
    mutate: ['src/core/models/score.ts', 'src/core/models/openai-faults.ts', 'src/core/models/errors.ts'],
    // Every unit test that calls them in-process (image-safety's minute-long run left out).
    tests: [
      'test/unit/models/score.test.ts',
      'test/unit/models/redact.test.ts',
      'test/unit/models/openai-faults.test.ts',
      'test/unit/models/run-model.test.ts',
      'test/unit/models/openai-backend.test.ts',
      'test/unit/models/hostile-server.test.ts',
      'test/unit/models/provider-modes.test.ts',
    ],
  },
};

// IMAGERY_MUTATE picks modules (comma-separated); all of them by default.
const picked = (process.env.IMAGERY_MUTATE ?? Object.keys(MODULES).join(',')).split(',').filter(Boolean);
for (const name of picked) {
  if (!Object.hasOwn(MODULES, name))
    throw new Error(`IMAGERY_MUTATE: unknown module "${name}" (${Object.keys(MODULES).join(', ')})`);
}
const chosen = picked.map((name) => MODULES[name]);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  plugins: ['@stryker-mutator/tap-runner'],
  mutate: chosen.flatMap((module) => module.mutate),
  tap: {
    testFiles: chosen.flatMap((module) => module.tests),
    // tsx compiles the TypeScript tests and the instrumented sources; the hook records coverage per test file.
    nodeArgs: ['--import', 'tsx', '--test-reporter=tap', '-r', '{{hookFile}}', '{{testFile}}'],
  },
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.IMAGERY_MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 20000,
  // Only what the unit tests read is copied into the sandbox.
  ignorePatterns: [
    'dist',
    'out',
    '.cache',
    '.vscode-test',
    'test-results',
    'reports',
    'media',
    'test/e2e',
    'test/vscode',
    'test/webview',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  // One report per module set, so runs of different modules can go side by side.
  htmlReporter: { fileName: `reports/mutation/${picked.join('+')}.html` },
  jsonReporter: { fileName: `reports/mutation/${picked.join('+')}.json` },
  tempDirName: `.stryker-tmp/${picked.join('+')}`,
  cleanTempDir: 'always',
};
