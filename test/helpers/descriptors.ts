// File descriptors this process holds (Linux's /proc/self/fd): a handle that
// code under test leaves open shows as a count that grows with each call.
import { existsSync, readdirSync } from 'node:fs';

/** A test's `skip` option where descriptors cannot be counted. */
export const NO_DESCRIPTOR_COUNT = !existsSync('/proc/self/fd') && 'no /proc/self/fd here';

export const openDescriptors = (): number => readdirSync('/proc/self/fd').length;

/** How many more descriptors are open after ten runs of `step` than before them (one warm-up run first). */
export async function descriptorsLeftBy(step: () => Promise<unknown>): Promise<number> {
  await step();
  const before = openDescriptors();
  for (let n = 0; n < 10; n++) await step();
  return openDescriptors() - before;
}
