/**
 * `ABC_Volumes`: driver quantities per customer, wide (one column per driver) or long (one row per
 * customer, driver and quantity; transaction level, up to a million rows; see read-volumes-long.ts).
 */
import type { Where } from '../engine/issues';
import type { VolumeInput } from '../engine/model';
import { CONTRACT_HEADERS, type ContractRange } from './contract-spec';
import { dropNearMisses } from './near-miss-headers';
import { type HeaderMatch, matchHeaders, reportMissingColumn, uniqueOthers } from './headers';
import { INVALID, type RangeReader } from './range-reader';
import { QUANTITY, readLongVolumes } from './read-volumes-long';

/** What `ABC_Volumes` yields. */
export interface VolumesRead {
  form: 'wide' | 'long';
  volumes: VolumeInput[];
  volumeDrivers: Array<{ driver: string; where: Where }>;
  dataRows: number;
}

/**
 * Reads the volumes. The long form is recognised by the presence of both a Driver and a Quantity
 * header; with only one of them the other is MISSING_COLUMN (a driver literally named "Quantity" is
 * far less likely than a misspelt header). Every entry's `where` is the Customer cell of its row; in the
 * long form, rows of the same customer and driver are added up here and the entry keeps the first row.
 */
export function readVolumes(reader: RangeReader, usedDrivers: ReadonlySet<string> = new Set()): VolumesRead {
  const spec = CONTRACT_HEADERS.ABC_Volumes;
  const match = matchHeaders(reader, spec);
  const driver = match.columns.get('driver');
  const quantity = match.columns.get('quantity');
  if (driver !== undefined || quantity !== undefined) {
    if (driver === undefined || quantity === undefined) {
      const absent = spec.columns.find((c) => c.key === (driver === undefined ? 'driver' : 'quantity'));
      if (absent !== undefined) reportMissingColumn(reader, absent, 'longFormVolumes');
      return { form: 'long', volumes: [], volumeDrivers: [], dataRows: reader.forEachDataRow(() => undefined) };
    }
    return readLongVolumes(reader, match, driver, quantity);
  }
  return readWide(reader, match, spec, usedDrivers);
}

/** `usedDrivers`: the name keys of the drivers ABC_Activities uses; such a column is never a near miss. */
function readWide(reader: RangeReader, match: HeaderMatch, spec: ContractRange, usedDrivers: ReadonlySet<string>): VolumesRead {
  const customer = match.columns.get('customer');
  const others = dropNearMisses(reader, match.others, spec, new Set(match.columns.keys()), usedDrivers, 'driver');
  const drivers = uniqueOthers(reader, others, 'driver');
  const volumeDrivers = drivers.map((d) => ({ driver: d.header, where: reader.where(0, d.column) }));
  const volumes: VolumeInput[] = [];
  const dataRows = reader.forEachDataRow((r) => {
    if (customer === undefined) return;
    const id = reader.requiredText(r, customer, 'customerId');
    const where = id === null ? null : reader.where(r, customer);
    for (const d of drivers) {
      const q = reader.number(r, d.column, QUANTITY);
      // Blank cells add nothing; a reported bad cell is left out too, the driver keeps its column.
      if (q === null || q === INVALID || id === null || where === null) continue;
      volumes.push({ customer: id, driver: d.header, quantity: q, where });
    }
  });
  return { form: 'wide', volumes, volumeDrivers, dataRows };
}
