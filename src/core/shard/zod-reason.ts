// Turns a zod failure into one readable line: "path: message; path: message".
import type * as z from 'zod';

/** Issues shown before "and N more"; one line must stay readable. */
const MAX_ISSUES = 3;

export function describeZodError(error: z.ZodError): string {
  const shown = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(record)';
    return `${where}: ${issue.message}`;
  });
  const hidden = error.issues.length - shown.length;
  return hidden > 0 ? `${shown.join('; ')}; and ${hidden} more` : shown.join('; ');
}
