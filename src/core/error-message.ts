// The text of a caught value: what was thrown need not be an Error.

/** An Error's message, or the thrown value as a string. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
