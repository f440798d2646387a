// One CLI command: its options parsed (with --help added), its help printed on
// --help, the positional arguments checked, then its own work. Each command
// says only what is its own.
import { parseCommand, type Options } from './args';
import { usageError } from './cli-error';
import { HELP } from './help';
import type { Output } from './output';

export type Command = (argv: string[], output: Output) => Promise<number>;

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

type Parsed<T extends Options> = ReturnType<typeof parseCommand<T & typeof HELP_OPTION>>;

export interface CommandContext<T extends Options> {
  values: Parsed<T>['values'];
  positionals: string[];
  output: Output;
  /** Progress on stderr; silent with --quiet. */
  progress: (message: string) => void;
}

export interface CommandSpec<T extends Options> {
  /** The word after `imagery`: the prefix of its usage errors and its entry in HELP. */
  name: string;
  options: T;
  /** Checked before `run`: "<name>: expects <expects>" when there is none (or not exactly `count`). */
  positionals?: { expects: string; count?: number };
  run(context: CommandContext<T>): Promise<number>;
}

export function defineCommand<const T extends Options>(spec: CommandSpec<T>): Command {
  return async (argv, output) => {
    const { values, positionals } = parseCommand(spec.name, argv, { ...spec.options, ...HELP_OPTION });
    const flags = values as { help?: boolean; quiet?: boolean };
    if (flags.help) {
      output.out(HELP[spec.name]);
      return 0;
    }
    const wanted = spec.positionals;
    if (wanted && (wanted.count === undefined ? positionals.length === 0 : positionals.length !== wanted.count))
      throw usageError(`${spec.name}: expects ${wanted.expects}`);
    const progress = flags.quiet ? () => undefined : (message: string) => output.err(message);
    return spec.run({ values, positionals, output, progress });
  };
}
