/**
 * Quantities written as text, as SQL over a trimmed text column `q`: the evidence for the file's decimal
 * mark, the strict shape of a number once the mark is known, and its normal form for an exact DECIMAL cast.
 * DuckDB's own casts are too lenient to decide validity (`1_000`, `0x10`, and `1.5` to an integer rounds),
 * so every value must first match the shape.
 */

/** The decimal mark of a file: a comma (Dutch, German exports) or a point. */
export type DecimalMark = ',' | '.';

const SIGN = '[+-]?';
const EXPONENT = '(?:[eE][+-]?[0-9]+)?';

/** Anything that looks like a number in either convention; its length feeds the digit bounds. */
export const LOOKS_NUMERIC = `regexp_full_match(q, '${SIGN}[0-9.,]*[0-9][0-9.,]*${EXPONENT}')`;

const escape = (mark: DecimalMark): string => (mark === '.' ? '\\.' : ',');
const other = (mark: DecimalMark): DecimalMark => (mark === '.' ? ',' : '.');

/**
 * True when `q` can only be read with `mark` as the decimal mark: it has both marks and `mark` comes last
 * (`1.234,5`), `mark` once in a place a thousands separator cannot be (`12,5`, `0,125`), or the other mark
 * more than once (`1.234.567`).
 */
export function evidenceFor(mark: DecimalMark): string {
  const d = escape(mark);
  const t = escape(other(mark));
  const exponent = mark === '.' ? EXPONENT : '';
  return `(regexp_full_match(q, '${SIGN}(?:[0-9]{1,3}(?:${t}[0-9]{3})+|[0-9]+)?${d}[0-9]+${exponent}')
    AND NOT regexp_full_match(q, '${SIGN}[1-9][0-9]{0,2}${d}[0-9]{3}')
    OR regexp_full_match(q, '${SIGN}[0-9]{1,3}(?:${t}[0-9]{3}){2,}'))`;
}

/** `1.234` or `1,234`: a decimal in one convention, a whole number with a thousands separator in the other. */
export const AMBIGUOUS = `regexp_full_match(q, '${SIGN}[1-9][0-9]{0,2}[.,][0-9]{3}')`;

/** The strict shape of a number with this decimal mark (thousands separators in groups of three; an exponent only with a point). */
export function validNumber(mark: DecimalMark): string {
  const d = escape(mark);
  const t = escape(other(mark));
  const exponent = mark === '.' ? EXPONENT : '';
  return `regexp_full_match(q, '${SIGN}(?:(?:[0-9]{1,3}(?:${t}[0-9]{3})+|[0-9]+)(?:${d}[0-9]*)?|${d}[0-9]+)${exponent}')`;
}

/** The number in the form DuckDB casts exactly: no thousands separators, a point, no plus sign. */
export function normalForm(mark: DecimalMark): string {
  const thousands = other(mark);
  const withoutThousands = `replace(q, '${thousands}', '')`;
  const withPoint = mark === ',' ? `replace(${withoutThousands}, ',', '.')` : withoutThousands;
  return `replace(${withPoint}, '+', '')`;
}

/** Characters before the decimal mark (an upper bound of the whole digits) of a numeric-looking `q`. */
export function wholeLength(mark: DecimalMark): string {
  return `CASE WHEN contains(q, '${mark}') THEN strpos(q, '${mark}') - 1 ELSE length(q) END`;
}

/** Digits after the decimal mark of a numeric-looking `q` (0 when it has none). */
export function fractionLength(mark: DecimalMark): string {
  return `CASE WHEN contains(q, '${mark}') THEN length(regexp_extract(q, '${escape(mark)}([0-9]+)', 1)) ELSE 0 END`;
}

/** The exponent of `q` written as `1e-7`, or NULL. */
export const EXPONENT_VALUE = `CASE WHEN contains(lower(q), 'e') THEN TRY_CAST(regexp_extract(q, '[eE]([+-]?[0-9]+)$', 1) AS INTEGER) END`;
