// The list of *.test.ts files beside index.ts, made at build time
// (scripts/vscode/suite-plugin.mjs): adding a test file needs no edit here.
declare module 'imagery:vscode-suites' {
  /** Evaluates every suite file; call after mocha's pre-require. */
  export function loadSuites(): void;
}
