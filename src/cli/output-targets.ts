/**
 * Outputs are written only to files. An existing target that is a device, a named pipe, a socket or a
 * folder is refused before anything is written: the atomic write renames a finished temporary file over
 * its target, which (as root) would replace `/dev/null` with a file, and a pipe with no reader would
 * block the run.
 */
import { promises as fs } from 'fs';

/** What an existing output target is when it is not a regular file. */
export type NotAFile = 'device' | 'named-pipe' | 'socket' | 'folder';

/** What `path` is when it exists and is not a regular file (links followed); null otherwise. */
export async function notARegularFile(path: string): Promise<NotAFile | null> {
  let info;
  try {
    info = await fs.stat(path);
  } catch {
    // Missing (or unreadable: the write then fails with the operating system's own reason).
    return null;
  }
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'folder';
  if (info.isFIFO()) return 'named-pipe';
  if (info.isSocket()) return 'socket';
  return 'device';
}

/** One output of the run: the flag that names it (for the message) and its path. */
export interface OutputTarget {
  flag: string;
  path: string;
}

/** The first target that is not a regular file, with what it is; null when every target may be written. */
export async function firstNonFileTarget(targets: readonly OutputTarget[]): Promise<(OutputTarget & { kind: NotAFile }) | null> {
  for (const target of targets) {
    const kind = await notARegularFile(target.path);
    if (kind !== null) return { ...target, kind };
  }
  return null;
}
