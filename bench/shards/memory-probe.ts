// Run as its own process by the benchmark: the RSS growth of one way of
// opening a shard. `open`: the reader, indexed, with ids and the id lookup;
// `read-everything`: the baseline, every line kept as a string.
import { ShardReader } from '../../src/core/shard/reader';

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  global.gc?.();
  const before = process.memoryUsage().rss;
  let keep: unknown;
  if (mode === 'open') {
    const reader = await ShardReader.open(file);
    await reader.positionOf('');
    keep = reader;
  } else {
    // Buffer by buffer, so the baseline is the lines themselves, not one giant string.
    const { open } = await import('node:fs/promises');
    const handle = await open(file, 'r');
    const lines: string[] = [];
    let rest = '';
    for await (const chunk of handle.createReadStream({ encoding: 'utf8', highWaterMark: 4 << 20 })) {
      const parts = (rest + (chunk as string)).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) lines.push(part);
    }
    keep = lines;
  }
  global.gc?.();
  process.stdout.write(String((process.memoryUsage().rss - before) / 2 ** 20));
  void keep;
}

void main();
