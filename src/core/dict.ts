// Objects keyed by data (comment ids, run keys, command names). Made without a
// prototype, so "__proto__" or "constructor" is an ordinary key: it can neither
// reach Object.prototype nor be found there. Plain objects, not Maps, where the
// value crosses to the webview as JSON.

/** An empty object with no prototype, optionally filled from entries. */
export function dict<T>(entries?: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (entries) for (const [key, value] of entries) out[key] = value;
  return out;
}

/** `record[key]` when it is the object's own key, never an inherited one (an object that came through JSON has a prototype). */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
