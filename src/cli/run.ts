// Dispatches "imagery <command> ...". Returns the exit code; errors become one
// "imagery: ..." line per problem on stderr, never a stack trace.
import { evalCommand } from './commands/eval';
import { exportCommand } from './commands/export';
import { extractCommand } from './commands/extract';
import { auditCommand } from './commands/audit';
import { importCommand } from './commands/import';
import { runCommand } from './commands/run';
import { reportCommand } from './commands/report';
import { sampleCommand } from './commands/sample';
import { statsCommand } from './commands/stats';
import { errorLines, exitCodeOf, usageError } from './cli-error';
import { HELP } from './help';
import type { Output } from './output';

type Command = (argv: string[], output: Output) => Promise<number>;

// A Map: the name comes from the command line, and "constructor" must be an unknown command, not Object's.
const COMMANDS = new Map<string, Command>([
  ['import', importCommand],
  ['eval', evalCommand],
  ['stats', statsCommand],
  ['export', exportCommand],
  ['run', runCommand],
  ['extract', extractCommand],
  ['audit', auditCommand],
  ['sample', sampleCommand],
  ['report', reportCommand],
  [
    'help',
    async ([topic], output) => {
      if (topic !== undefined && !Object.hasOwn(HELP, topic)) throw usageError(`help: unknown command "${topic}"`);
      output.out(HELP[topic ?? 'main']);
      return 0;
    },
  ],
]);

export async function run(argv: string[], output: Output): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h') {
      output.out(HELP.main);
      return name === undefined ? 2 : 0;
    }
    const command = COMMANDS.get(name);
    if (!command) throw usageError(`unknown command "${name}"`);
    return await command(rest, output);
  } catch (error) {
    for (const line of errorLines(error)) output.err(`imagery: ${line}`);
    if (process.env.IMAGERY_DEBUG && error instanceof Error) output.err(error.stack ?? '');
    return exitCodeOf(error);
  }
}
