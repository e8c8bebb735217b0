/**
 * A file named on the command line, read as exactly that file. DuckDB reads a file name as a glob
 * pattern (`lines[1].csv` would read `lines1.csv`, `lines*.csv` every match) and a name such as
 * `s3://…` or `http://…` as a remote file; a pipe, a device or a folder would make the runner wait
 * forever or fail obscurely. So a name is checked here and given to DuckDB in a form that matches itself only.
 */
import { stat } from 'fs/promises';
import { resolve } from 'path';
import { VolumeSourceError } from './volume-source-error';
import type { WarehouseText } from './warehouse-text';

/** `scheme://`: a URL, never a local file name (a Windows drive letter has no `//`). */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The absolute path of `path` when it names an existing regular file; throws VolumeSourceError with one
 * sentence otherwise (an address, a missing file, a folder, a pipe, device or socket).
 */
export async function regularFile(path: string, t: WarehouseText): Promise<string> {
  if (URL_LIKE.test(path)) throw new VolumeSourceError(t.notLocal(path));
  const absolute = resolve(path);
  let info;
  try {
    info = await stat(absolute);
  } catch {
    throw new VolumeSourceError(t.notFound(path));
  }
  if (info.isDirectory()) throw new VolumeSourceError(t.unreadable(path, t.isFolder));
  if (!info.isFile()) throw new VolumeSourceError(t.notRegular(path));
  return absolute;
}

/**
 * An absolute path as a pattern DuckDB's glob matches to that path alone: each of its glob characters
 * in brackets, where it stands for itself (`lines[1].csv` becomes `lines[[]1].csv`).
 */
export function globLiteral(absolute: string): string {
  return absolute.replace(/[*?[]/g, (c) => `[${c}]`);
}
