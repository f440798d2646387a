// What the go-to box means, apart from the DOM so it can be tested in Node.
import type { NavTarget } from '../../src/protocol';

/** "12" is a 1-based position; anything else is a request id. */
export function goToTarget(text: string): NavTarget | null {
  const value = text.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return { kind: 'position', position: Math.max(0, Number(value) - 1) };
  return { kind: 'id', id: value.slice(0, 200) };
}
