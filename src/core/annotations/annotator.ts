// Who is annotating: the configured name, else the operating system's user.
import os from 'node:os';

/** The configured name when it has visible characters, else the OS user name, else "annotator". */
export function resolveAnnotator(configured: string | undefined): string {
  const name = configured?.trim();
  if (name) return name;
  try {
    const user = os.userInfo().username.trim();
    if (user) return user;
  } catch {
    // userInfo throws when the uid has no passwd entry (containers).
  }
  return 'annotator';
}
