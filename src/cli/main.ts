// Entry point of the `imagery` command (bundled to dist/cli.js).
import { processOutput } from './output';
import { run } from './run';

void run(process.argv.slice(2), processOutput).then((code) => {
  process.exitCode = code;
});
