/**
 * Whether two paths name the same file. Comparing the strings is not enough: `./x/../book.xlsx`, a
 * symbolic link, a hard link and, on a case-insensitive disk (Windows, macOS), `Book.xlsx` all reach
 * `book.xlsx`. So files are compared by their real path (links and `..` resolved by the operating
 * system) and, when both exist, by device and inode, which catches hard links and case-insensitive
 * names alike.
 */
import { promises as fs } from 'fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'path';

/** A path as the file system sees it. */
export interface FileIdentity {
  /** The real path: of the file when it exists, else of its nearest existing folder plus the rest. */
  real: string;
  /** Device and inode of an existing file; null when it does not exist or the platform gives no inode. */
  id: { dev: bigint; ino: bigint } | null;
  /** True when the path is an existing folder. */
  folder: boolean;
}

function missing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * The real path of `path`, which need not exist. Not normalised first: `x/../a` must go through `x`
 * as the operating system does, which differs from dropping both when `x` is a link to elsewhere.
 */
async function realPathOf(path: string): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch (e) {
    // Unreadable (permissions, a link loop): compared as written; reading or writing it fails later with its own sentence.
    if (!missing(e)) return resolve(path);
  }
  const parent = dirname(path);
  // A path whose every ancestor is missing (impossible on a real disk) stays as written.
  if (parent === path) return path;
  return join(await realPathOf(parent), basename(path));
}

/** The identity of the file at `path` (relative paths are taken from the working folder). */
export async function fileIdentity(path: string): Promise<FileIdentity> {
  const full = isAbsolute(path) ? path : `${process.cwd()}${sep}${path}`;
  const real = await realPathOf(full);
  try {
    // bigint: Windows file ids are 64-bit and lose their low digits as a JavaScript number.
    const stat = await fs.stat(real, { bigint: true });
    // Some file systems report inode 0 for every file; that identifies nothing.
    return { real, id: stat.ino === 0n ? null : { dev: stat.dev, ino: stat.ino }, folder: stat.isDirectory() };
  } catch {
    return { real, id: null, folder: false };
  }
}

/** True when the two identities are certainly the same file. */
export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  if (a.real === b.real) return true;
  return a.id !== null && b.id !== null && a.id.dev === b.id.dev && a.id.ino === b.id.ino;
}

/**
 * True when the two may be the same file: the same, or differing only in letter case. Two outputs that
 * do not exist yet have no inode to compare, and on a case-insensitive disk `A.json` and `a.json` become
 * one file; refusing such a pair on any disk is the only way to be safe on all of them.
 */
export function maybeSameFile(a: FileIdentity, b: FileIdentity): boolean {
  return sameFile(a, b) || a.real.toLowerCase() === b.real.toLowerCase();
}
