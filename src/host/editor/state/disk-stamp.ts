// The log file's size and inode, to tell an append (grew, same inode) from a
// replacement (git checkout: shrank, or a new inode).
import { promises as fs } from 'node:fs';

export interface DiskStamp {
  size: number;
  ino: number;
}

export async function diskStamp(file: string): Promise<DiskStamp | undefined> {
  try {
    const stat = await fs.stat(file);
    return { size: stat.size, ino: stat.ino };
  } catch {
    return undefined;
  }
}
