/**
 * Which columns of a transaction file are the customer, the driver and the quantity: the headers of the
 * contract's long-form ABC_Volumes (English, Dutch and their aliases), matched as the workbook's headers are.
 */
import { nameKey } from '../engine/model';
import { CONTRACT_HEADERS, columnHeaders } from '../workbook/contract-spec';

/** The three columns the runner reads from a transaction file. */
export const VOLUME_KEYS = ['customer', 'driver', 'quantity'] as const;
export type VolumeKey = (typeof VOLUME_KEYS)[number];

/** Where each of the three columns is, by position in the header; what is missing, with its accepted headers. */
export interface VolumeColumns {
  at: Partial<Record<VolumeKey, number>>;
  /** The header as written, for messages. */
  header: Partial<Record<VolumeKey, string>>;
  missing: Array<{ key: VolumeKey; accepted: string }>;
  found: number;
}

/** Every header a volume column accepts, e.g. `Customer / Klant`. */
export function acceptedHeaders(key: VolumeKey): string {
  const column = CONTRACT_HEADERS.ABC_Volumes.columns.find((c) => c.key === key);
  return column === undefined ? key : columnHeaders(column).join(' / ');
}

/** Matches headers case-insensitively with spaces normalised; the first of a repeated column is read. */
export function matchVolumeColumns(headers: readonly string[]): VolumeColumns {
  const keys = headers.map((h) => nameKey(h));
  const at: VolumeColumns['at'] = {};
  const header: VolumeColumns['header'] = {};
  const missing: VolumeColumns['missing'] = [];
  for (const key of VOLUME_KEYS) {
    const column = CONTRACT_HEADERS.ABC_Volumes.columns.find((c) => c.key === key);
    const accepted = new Set(column === undefined ? [key] : columnHeaders(column).map(nameKey));
    const index = keys.findIndex((k) => accepted.has(k));
    if (index < 0) missing.push({ key, accepted: acceptedHeaders(key) });
    else {
      at[key] = index;
      header[key] = (headers[index] ?? '').trim();
    }
  }
  return { at, header, missing, found: VOLUME_KEYS.length - missing.length };
}
