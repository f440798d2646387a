// Errors the CLI reports as one line, "imagery: <file>:<line>: <what>", never
// as a stack trace: bad input is the user's to fix, not a crash.
import { ReleaseImportError } from '../core/release/import';

export class CliError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    /** Process exit code; 2 for usage errors, 1 otherwise. */
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function usageError(message: string): CliError {
  return new CliError(`${message} (see "imagery help")`, undefined, undefined, 2);
}

export function formatLocation(file: string | undefined, line?: number): string {
  if (file === undefined) return '';
  return line === undefined ? `${file}: ` : `${file}:${line}: `;
}

const PLAIN_SYSTEM_ERRORS = new Map([
  ['ENOENT', 'no such file or folder'],
  ['EACCES', 'permission denied'],
  ['EISDIR', 'is a folder, expected a file'],
  ['ENOTDIR', 'not a folder'],
  ['EEXIST', 'already exists'],
]);

/** Node's file-system errors carry the path and a code; say it plainly. */
function describeSystemError(error: NodeJS.ErrnoException): string | undefined {
  if (!error.code || !error.path) return undefined;
  return `${error.path}: ${PLAIN_SYSTEM_ERRORS.get(error.code) ?? error.code}`;
}

/** The lines to print for an error, each to be prefixed with "imagery: ". */
export function errorLines(error: unknown): string[] {
  if (error instanceof CliError) return [formatLocation(error.file, error.line) + error.message];
  if (error instanceof ReleaseImportError) return [formatLocation(error.file) + error.message];
  if (error instanceof Error) {
    const system = describeSystemError(error as NodeJS.ErrnoException);
    if (system) return [system];
    // Core errors may list several "file:line: reason" problems, one a line.
    return error.message.split('\n').filter((line) => line.trim() !== '');
  }
  return [String(error)];
}

export function exitCodeOf(error: unknown): number {
  return error instanceof CliError ? error.exitCode : 1;
}
