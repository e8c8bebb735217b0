/**
 * Near-miss headers. A column of ABC_Customers whose header the contract does not know becomes a customer
 * dimension, and an unknown column of a wide ABC_Volumes becomes a driver. That is right for `Regio` or
 * `Kortingsgroep`, but a slip such as `Kortingen` for `Korting` would silently drop every discount and
 * show them as a dimension instead. So an unknown header that resembles a contract header — the same after
 * normalising (case, accents, spaces, punctuation, `%`), a plural of it, within a small edit distance, or a
 * known synonym from ERP exports — is an error at its cell, unless the workbook says it is meant (the
 * setting `Dimensions` lists it, or an activity uses it as a driver).
 */
import { type ColumnKey, msg } from '../engine/messages';
import { nameKey } from '../engine/model';
import { columnHeaders, type ContractRange } from './contract-spec';
import type { OtherColumn } from './headers';
import type { RangeReader } from './range-reader';

/**
 * Headers seen in ERP and spreadsheet exports that mean a contract column, normalised (see `normalise`).
 * Only words whose meaning is unmistakable: `Marge` or `Kortingsgroep` are figures or dimensions of
 * their own and stay out.
 */
const SYNONYMS: ReadonlyArray<readonly [ColumnKey, readonly string[]]> = [
  ['customer', ['klantnummer', 'klantnr', 'klantcode', 'klantid', 'debiteur', 'debiteurnummer', 'debiteurnr', 'customerid', 'customerno', 'customernumber', 'customercode', 'custno', 'client', 'clientid', 'account', 'accountnumber', 'accountno', 'debtor']],
  ['name', ['klantnaam', 'naamklant', 'debiteurnaam', 'customername', 'clientname', 'accountname', 'omschrijving', 'bedrijfsnaam', 'companyname']],
  ['revenue', ['sales', 'turnover', 'brutoomzet', 'omzetbruto', 'grosssales', 'netsales', 'nettoomzet', 'omzetnetto', 'verkopen', 'revenues', 'income', 'salesamount']],
  ['discounts', ['discount', 'korting', 'kortingen', 'kortingsbedrag', 'rebate', 'rebates', 'allowances', 'discountamount']],
  ['cogs', ['kostprijs', 'kostprijsverkopen', 'kostprijsomzet', 'inkoopwaarde', 'inkoopwaardeomzet', 'costofsales', 'costofgoodssold', 'costofgoods', 'cos', 'purchasevalue', 'inkoopkosten', 'kostvanverkopen']],
  ['quantity', ['aantallen', 'qty', 'quantities', 'hoeveelheid', 'amount']],
  ['driver', ['drivers', 'kostendrijvers', 'drijver', 'costdriver']],
  // An estimate's range (ABC_Activities): what a survey sheet calls its low and high ends.
  ['low', ['lo', 'lowest', 'lower', 'lowerbound', 'lowestimate', 'minimum', 'laagste', 'ondergrens', 'minimaal']],
  ['high', ['hi', 'highest', 'upper', 'upperbound', 'highestimate', 'maximum', 'hoogste', 'bovengrens', 'maximaal']],
  ['group', ['estimategroup', 'rangegroup', 'correlationgroup', 'schattingsgroep', 'correlatiegroep']],
];

/** Lower case, accents removed, and everything but letters and digits dropped: `Korting %` → `korting`. */
export function normalise(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Levenshtein distance, stopping early once it must exceed `limit` (headers are short). */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * The edit distance a header may be from a contract header of `length` letters and still count as a slip:
 * short words are too close to other words (`Naam`, `Land`, `Type`) for any distance but a plural.
 */
function allowedDistance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** True when one is the other with a plural ending (English -s/-es, Dutch -en/-s). */
function isPlural(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && ['s', 'es', 'en', 'n'].includes(long.slice(short.length));
}

/** Endings after a contract header that do not change what the column is: a year, a currency, "total". */
const NEUTRAL_ENDING = /^(\d+|eur|euro|usd|gbp|chf|sek|nok|dkk|excl|incl|exclbtw|inclbtw|exbtw|exvat|exclvat|inclvat|netto|bruto|net|gross|total|totaal|ytd)$/;

/** True when `text` is `target` with a neutral ending: `omzet2024`, `revenueeur`, `kortingtotaal`. */
function hasNeutralEnding(text: string, target: string): boolean {
  return target.length >= 4 && text.startsWith(target) && NEUTRAL_ENDING.test(text.slice(target.length));
}

/** What an unknown header resembles: the contract column and the header of it that it is closest to. */
export interface Resemblance {
  key: ColumnKey;
  /** The contract header it resembles, as the contract writes it (`Korting`, `COGS`). */
  header: string;
}

/**
 * The contract column of `range` that `header` resembles, or null. `header` is known not to be one of the
 * range's headers exactly (it would have matched); `present` are the contract columns the range has.
 */
export function resemblance(header: string, range: ContractRange, present: ReadonlySet<string>): Resemblance | null {
  const text = normalise(header);
  if (text === '') return null;
  for (const column of range.columns) {
    for (const name of columnHeaders(column)) {
      const target = normalise(name);
      if (text === target || isPlural(text, target) || hasNeutralEnding(text, target)) return { key: column.key, header: name };
    }
  }
  for (const [key, words] of SYNONYMS) {
    // A synonym beside the column itself is a figure of its own (Sales next to Revenue): a dimension.
    const column = range.columns.find((c) => c.key === key);
    if (column !== undefined && !present.has(key) && words.includes(text)) return { key, header: column.en };
  }
  let best: (Resemblance & { distance: number }) | null = null;
  for (const column of range.columns) {
    for (const name of columnHeaders(column)) {
      const target = normalise(name);
      const limit = allowedDistance(Math.min(target.length, text.length));
      if (limit === 0) continue;
      const distance = editDistance(text, target, limit);
      if (distance <= limit && (best === null || distance < best.distance)) best = { key: column.key, header: name, distance };
    }
  }
  return best === null ? null : { key: best.key, header: best.header };
}

/**
 * Reports NEAR_MISS_HEADER at the header cell of each of `others` that resembles a column of `range`,
 * unless its name key is in `meant`, and returns the others that are not near misses.
 */
export function dropNearMisses(
  reader: RangeReader,
  others: readonly OtherColumn[],
  range: ContractRange,
  present: ReadonlySet<string>,
  meant: ReadonlySet<string>,
  kind: 'dimension' | 'driver',
): OtherColumn[] {
  return others.filter((o) => {
    if (meant.has(nameKey(o.header))) return true;
    const like = resemblance(o.header, range, present);
    if (like === null) return true;
    reader.report('error', 'NEAR_MISS_HEADER', msg('nearMissHeader', { kind, header: o.header, range: range.name, resembles: like.header }), 0, o.column);
    return false;
  });
}

/** The columns of ABC_Activities whose near misses are caught: only the optional ones of an estimate's range. */
const RANGE_KEYS: ReadonlySet<ColumnKey> = new Set<ColumnKey>(['low', 'high', 'group']);

/**
 * Reports NEAR_MISS_HEADER at each other column of ABC_Activities that resembles Low, High or Group
 * (`Lo`, `Laagste`, `Maximum`, `Groups`). Those columns are optional, so a slip would silently leave every
 * row without its range. The range's other columns are not checked: ABC_Activities ignores unknown
 * columns, and a note such as `Activity ID` beside `Activity` must stay harmless.
 */
export function reportRangeNearMisses(reader: RangeReader, others: readonly OtherColumn[], range: ContractRange, present: ReadonlySet<string>): void {
  const rangeColumns: ContractRange = { ...range, columns: range.columns.filter((c) => RANGE_KEYS.has(c.key)) };
  for (const o of others) {
    const like = resemblance(o.header, rangeColumns, present);
    if (like !== null) reader.report('error', 'NEAR_MISS_HEADER', msg('nearMissHeader', { kind: 'ignored', header: o.header, range: range.name, resembles: like.header }), 0, o.column);
  }
}
