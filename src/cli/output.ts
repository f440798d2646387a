// Where a command writes: results on stdout, progress and warnings on stderr.
// Passed in (not process.*) so commands run the same in tests. What reaches the
// terminal has its control characters escaped: model answers, request ids and
// folder names could otherwise move the cursor, retitle or clear the terminal.
import { escapeControls, stripUnpairedBidi } from '../core/untrusted-text';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** One line for `stream`; unpaired bidi controls go only on a terminal (JSON piped to a file keeps its data as it is). */
function line(text: string, stream: NodeJS.WriteStream): string {
  const escaped = escapeControls(text.endsWith('\n') ? text : `${text}\n`);
  return stream.isTTY ? stripUnpairedBidi(escaped) : escaped;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(line(text, process.stdout)),
  err: (text) => process.stderr.write(line(text, process.stderr)),
};
