/**
 * What the runner says about a transaction file, in English and in Dutch (one typed catalogue per
 * language, as for the rest of the runner).
 */
import type { MessageLanguage } from '../engine/message-args';

/** One language's texts about volume files. */
export interface WarehouseText {
  /** A location in a file: `line 123` (CSV) or `row 123` (Parquet, a query's result). */
  place: (unit: PlaceUnit, n: number) => string;
  /** Several of them: `lines 5, 9 and 12`, or the first 20 of many. */
  places: (unit: PlaceUnit, shown: readonly number[], total: number) => string;
  garbageLines: (file: string, count: number, fields: number, delimiter: string, lines: string, example: string) => string;
  truncatedParquet: (file: string) => string;
  notParquet: (file: string, detail: string) => string;
  unreadable: (file: string, detail: string) => string;
  notFound: (file: string) => string;
  queryFailed: (file: string, detail: string) => string;
  databaseFailed: (db: string, detail: string) => string;
  tooManyDigits: (file: string) => string;
  /** Printed after a successful read. */
  volumesRead: (source: string, rows: string, totals: string) => string;
  /** Printed with problems of number format. */
  decimalHint: string;
  outIsVolumes: (flag: string, path: string, volumes: string) => string;
}

export type PlaceUnit = 'line' | 'row';

const listEn = (items: readonly string[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
const listNl = (items: readonly string[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;
const delimiterName = (d: string, tab: string): string => (d === '\t' ? tab : `"${d}"`);

const EN: WarehouseText = {
  place: (unit, n) => `${unit} ${n}`,
  places: (unit, shown, total) =>
    shown.length === 1 && total === 1
      ? `${unit} ${shown[0] ?? ''}`
      : total > shown.length
        ? `${total} ${unit}s, the first ${shown.length}: ${shown.join(', ')}`
        : `${unit}s ${listEn(shown.map(String))}`,
  garbageLines: (file, count, fields, delimiter, lines, example) =>
    `${file}: ${count === 1 ? '1 line is' : `${count} lines are`} not a row of ${fields} fields separated by ${delimiterName(delimiter, 'tabs')}: ${lines} (${example}). Nothing was computed; correct or remove ${count === 1 ? 'it' : 'them'} and run again.`,
  truncatedParquet: (file) => `${file} is not a complete Parquet file: its end is missing (cut off while copying or writing?). Export it again.`,
  notParquet: (file, detail) => `${file} cannot be read as a Parquet file: ${detail}`,
  unreadable: (file, detail) => `${file} cannot be read as a CSV file: ${detail}`,
  notFound: (file) => `${file} does not exist.`,
  queryFailed: (file, detail) => `The query in ${file} failed: ${detail}`,
  databaseFailed: (db, detail) => `The database ${db} cannot be opened: ${detail}`,
  tooManyDigits: (file) => `${file}: the quantities have too many digits to be added up exactly (at most 38 digits in all).`,
  volumesRead: (source, rows, totals) =>
    `Volumes from ${source}: ${rows} rows, ${totals} customer and driver totals (ABC_Volumes of the workbook is not read).`,
  decimalHint: 'Give the decimal mark of the file with --decimal , or --decimal .',
  outIsVolumes: (flag, path, volumes) => `${flag} ${path} is the volume file ${volumes}; it is never overwritten.`,
};

const NL: WarehouseText = {
  place: (unit, n) => `${unit === 'line' ? 'regel' : 'rij'} ${n}`,
  places: (unit, shown, total) => {
    const one = unit === 'line' ? 'regel' : 'rij';
    const many = unit === 'line' ? 'regels' : 'rijen';
    return shown.length === 1 && total === 1
      ? `${one} ${shown[0] ?? ''}`
      : total > shown.length
        ? `${total} ${many}, de eerste ${shown.length}: ${shown.join(', ')}`
        : `${many} ${listNl(shown.map(String))}`;
  },
  garbageLines: (file, count, fields, delimiter, lines, example) =>
    `${file}: ${count === 1 ? '1 regel is' : `${count} regels zijn`} geen rij van ${fields} velden gescheiden door ${delimiterName(delimiter, 'tabs')}: ${lines} (${example}). Er is niets berekend; verbeter of verwijder ${count === 1 ? 'die regel' : 'die regels'} en probeer het opnieuw.`,
  truncatedParquet: (file) => `${file} is geen volledig Parquet-bestand: het einde ontbreekt (afgebroken bij kopiëren of schrijven?). Exporteer het opnieuw.`,
  notParquet: (file, detail) => `${file} kan niet als Parquet-bestand worden gelezen: ${detail}`,
  unreadable: (file, detail) => `${file} kan niet als CSV-bestand worden gelezen: ${detail}`,
  notFound: (file) => `${file} bestaat niet.`,
  queryFailed: (file, detail) => `De query in ${file} is mislukt: ${detail}`,
  databaseFailed: (db, detail) => `De database ${db} kan niet worden geopend: ${detail}`,
  tooManyDigits: (file) => `${file}: de aantallen hebben te veel cijfers om exact te worden opgeteld (hooguit 38 cijfers in totaal).`,
  volumesRead: (source, rows, totals) =>
    `Volumes uit ${source}: ${rows} rijen, ${totals} totalen per klant en kostendrijver (ABC_Volumes van de werkmap wordt niet gelezen).`,
  decimalHint: 'Geef het decimaalteken van het bestand op met --decimal , of --decimal .',
  outIsVolumes: (flag, path, volumes) => `${flag} ${path} is het volumebestand ${volumes}; dat wordt nooit overschreven.`,
};

/** The texts in a language. */
export function warehouseText(language: MessageLanguage): WarehouseText {
  return language === 'nl' ? NL : EN;
}
