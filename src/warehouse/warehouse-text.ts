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
  /** A CSV line over the limit of csv-limits.ts. */
  lineTooLong: (file: string, line: number) => string;
  nulBytes: (file: string, places: string, count: number) => string;
  /** `http://…`, `s3://…`: the runner reads local files only. */
  notLocal: (path: string) => string;
  /** A pipe, device or socket: reading it could wait forever. */
  notRegular: (path: string) => string;
  isFolder: string;
  noQuery: (file: string) => string;
  severalStatements: (file: string, count: number) => string;
  notSelect: (file: string) => string;
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
  lineTooLong: (file, line) =>
    `${file} line ${line} is longer than 8 MB (8,388,608 bytes), the longest line the runner reads. Nothing was computed; shorten or remove the long text on that line (only Customer, Driver and Quantity are read) and run again.`,
  nulBytes: (file, places, count) =>
    `${file} ${places} ${count === 1 ? 'contains' : 'contain'} a NUL byte (a zero byte, as in a binary or UTF-16 file) in the customer, driver or quantity. Nothing was computed; save the file as UTF-8 text and run again.`,
  notLocal: (path) => `${path} is an address, not a file on this computer; give the path of a local file.`,
  notRegular: (path) => `${path} is not a regular file (a pipe, device or socket?); give the path of a file.`,
  isFolder: 'it is a folder',
  noQuery: (file) => `${file} holds no query; write one SELECT with the columns Customer, Driver and Quantity.`,
  severalStatements: (file, count) => `${file} holds ${count} statements; it must hold exactly one query (one SELECT).`,
  notSelect: (file) =>
    `${file} is not a query: only one SELECT (or WITH … SELECT) is run, nothing that attaches, changes or copies data or changes settings.`,
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
  lineTooLong: (file, line) =>
    `${file} regel ${line} is langer dan 8 MB (8.388.608 bytes), de langste regel die de runner leest. Er is niets berekend; maak de lange tekst op die regel korter of verwijder hem (alleen Klant, Kostendrijver en Aantal worden gelezen) en probeer het opnieuw.`,
  nulBytes: (file, places, count) =>
    `${file} ${places} ${count === 1 ? 'bevat' : 'bevatten'} een NUL-byte (een nulbyte, zoals in een binair of UTF-16-bestand) in de klant, kostendrijver of het aantal. Er is niets berekend; sla het bestand op als UTF-8-tekst en probeer het opnieuw.`,
  notLocal: (path) => `${path} is een adres, geen bestand op deze computer; geef het pad van een lokaal bestand.`,
  notRegular: (path) => `${path} is geen gewoon bestand (een pipe, apparaat of socket?); geef het pad van een bestand.`,
  isFolder: 'het is een map',
  noQuery: (file) => `${file} bevat geen query; schrijf één SELECT met de kolommen Klant, Kostendrijver en Aantal.`,
  severalStatements: (file, count) => `${file} bevat ${count} opdrachten; het moet precies één query (één SELECT) bevatten.`,
  notSelect: (file) =>
    `${file} is geen query: alleen één SELECT (of WITH … SELECT) wordt uitgevoerd, niets dat gegevens koppelt, wijzigt of kopieert of instellingen wijzigt.`,
  volumesRead: (source, rows, totals) =>
    `Volumes uit ${source}: ${rows} rijen, ${totals} totalen per klant en kostendrijver (ABC_Volumes van de werkmap wordt niet gelezen).`,
  decimalHint: 'Geef het decimaalteken van het bestand op met --decimal , of --decimal .',
  outIsVolumes: (flag, path, volumes) => `${flag} ${path} is het volumebestand ${volumes}; dat wordt nooit overschreven.`,
};

/** The texts in a language. */
export function warehouseText(language: MessageLanguage): WarehouseText {
  return language === 'nl' ? NL : EN;
}
