// Who is annotating: the configured name, else the operating system's user.
import os from 'node:os';

/** Reads the OS user's name; it throws when the uid has no passwd entry (containers). */
export type OsUserName = () => string;

const osUserName: OsUserName = () => os.userInfo().username;

/** The configured name when it has visible characters, else the OS user name, else "annotator". */
export function resolveAnnotator(configured: string | undefined, readOsUser: OsUserName = osUserName): string {
  const name = configured?.trim();
  if (name) return name;
  try {
    const user = readOsUser().trim();
    if (user) return user;
  } catch {
    // No user name to fall back on: the generic one below.
  }
  return 'annotator';
}
