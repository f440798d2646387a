// node:util parseArgs, with its errors turned into one-line usage errors and
// numeric options checked.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './cli-error';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommand<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Keep parseArgs' first sentence, e.g. "Unknown option '--x'"; drop its long hints.
    const first = (error as Error).message.split('\n')[0].split(/(?<=\.) /)[0];
    throw usageError(`${command}: ${first}`);
  }
}

export function integerOption(command: string, name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min) {
    throw usageError(`${command}: --${name} must be an integer >= ${min}, got "${value}"`);
  }
  return number;
}
