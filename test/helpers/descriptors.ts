// File descriptors this process holds (Linux's /proc/self/fd): a handle that
// code under test leaves open shows as a count that grows with each call, or,
// once the garbage collector has closed it, as Node's warning that it did.
import { existsSync, readdirSync } from 'node:fs';

/** A test's `skip` option where descriptors cannot be counted. */
export const NO_DESCRIPTOR_COUNT = !existsSync('/proc/self/fd') && 'no /proc/self/fd here';

const openDescriptors = (): number => readdirSync('/proc/self/fd').length;

/**
 * Runs `step` once to warm up, then ten times: how many more descriptors are
 * open after those ten than before them, and how many the garbage collector
 * closed meanwhile (a leak shows in one or the other; without one both stay near 0).
 */
export async function descriptorsLeftBy(step: () => Promise<unknown>): Promise<{ open: number; closedByGc: number }> {
  let closedByGc = 0;
  const onWarning = (warning: Error) => void (/Closing file descriptor/.test(warning.message) && closedByGc++);
  process.on('warning', onWarning);
  try {
    await step();
    const before = openDescriptors();
    for (let n = 0; n < 10; n++) await step();
    const open = openDescriptors() - before;
    // Warnings arrive on a later turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    return { open, closedByGc };
  } finally {
    process.off('warning', onWarning);
  }
}
