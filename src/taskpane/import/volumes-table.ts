/**
 * The table "Import transactions" writes: the contract's long-form headers in the pane's language, one
 * row per customer and driver, and the note beside it (file, rows, totals, date). A total is written as a
 * number when the number's shortest decimal is that very total (the contract reads a number cell so),
 * else as its exact text, which the contract reads as the same decimal: never a rounded quantity.
 */
import type { VolumesTable } from '../../excel/actions';
import { CONTRACT_HEADERS } from '../../workbook/contract-spec';
import type { Strings } from '../i18n';
import type { ImportedVolumes } from './import-types';
import { readQuantityNumber, readQuantityText, scaledText } from './quantity';

/** A total as it goes into its cell. */
export function quantityCell(total: string): number | string {
  const n = Number(total);
  const back = readQuantityNumber(n);
  const own = readQuantityText(total);
  if (back.kind === 'value' && own.kind === 'value' && scaledText(back.value) === scaledText(own.value)) return n;
  return total;
}

/** The header of a long-form column in `language`. */
function header(key: 'customer' | 'driver' | 'quantity', language: 'en' | 'nl'): string {
  const col = CONTRACT_HEADERS.ABC_Volumes.columns.find((c) => c.key === key);
  return col === undefined ? key : col[language];
}

/** The table and note for `volumes`, imported at `when` (shown as `YYYY-MM-DD HH:MM`, local time). */
export function volumesTable(volumes: ImportedVolumes, strings: Strings, when: Date, integer: (n: number) => string): VolumesTable {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} ${pad(when.getHours())}:${pad(when.getMinutes())}`;
  return {
    sheet: strings.importSheet,
    headers: [header('customer', strings.language), header('driver', strings.language), header('quantity', strings.language)],
    rows: volumes.cells.map((c) => [volumes.customers[c.customer] as string, volumes.drivers[c.driver] as string, quantityCell(c.quantity)]),
    note: [
      [strings.importNote.source, volumes.source],
      [strings.importNote.rows, integer(volumes.rows)],
      [strings.importNote.cells, integer(volumes.cells.length)],
      [strings.importNote.importedOn, stamp],
    ],
  };
}
