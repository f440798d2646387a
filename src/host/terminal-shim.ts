// The text of the `imagery` shims that VS Code's terminals find on PATH: one
// for sh, one for Windows' cmd.exe. No vscode import, so the exact text is
// unit-tested. Paths are quoted so that neither shell reads anything in them:
// sh gets single quotes; cmd.exe expands %VAR% (and !VAR! under delayed
// expansion) even inside double quotes, so `%` is doubled and delayed
// expansion is switched off.

/** Single-quoted for sh: a quote inside becomes '\''. */
function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Double-quoted for a .cmd file, `%` doubled so `%VAR%` in a folder name is
 * not expanded. Null for a quote or a line break, which cannot be quoted there
 * (Windows paths never hold them).
 */
export function cmdQuote(text: string): string | null {
  return /["\r\n]/.test(text) ? null : `"${text.replace(/%/g, '%%')}"`;
}

/** The two shims; `cmd` is null when a path cannot be written safely into a .cmd (then none is written). */
export function shimScripts(nodePath: string, cliPath: string, electron: boolean): { sh: string; cmd: string | null } {
  const sh = [
    '#!/bin/sh',
    '# Written by the Imagery Annotator extension: runs its bundled command line.',
    `${electron ? 'ELECTRON_RUN_AS_NODE=1 ' : ''}exec ${shQuote(nodePath)} ${shQuote(cliPath)} "$@"`,
    '',
  ].join('\n');
  const node = cmdQuote(nodePath);
  const cli = cmdQuote(cliPath);
  const cmd =
    node === null || cli === null
      ? null
      : [
          '@echo off',
          'rem Written by the Imagery Annotator extension: runs its bundled command line.',
          'setlocal DisableDelayedExpansion',
          electron ? 'set ELECTRON_RUN_AS_NODE=1' : 'rem plain Node: nothing to set',
          `${node} ${cli} %*`,
          '',
        ].join('\r\n');
  return { sh, cmd };
}
