/**
 * Writes a file whole or not at all: the bytes go to a temporary file in the target's folder (so the
 * rename stays on one file system and is atomic), which is renamed over the target only when complete.
 */
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import { basename, dirname, join, resolve } from 'path';

/** The temporary name next to `target`: hidden, unique to this process and call, recognisable. */
export function temporaryPath(target: string): string {
  const full = resolve(target);
  return join(dirname(full), `.${basename(full)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `data` to `target` atomically, creating the target's folder when needed. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await fs.mkdir(dirname(resolve(target)), { recursive: true });
  const tmp = temporaryPath(target);
  try {
    await fs.writeFile(tmp, data, { flag: 'wx' });
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
