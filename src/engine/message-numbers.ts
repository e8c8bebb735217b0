/**
 * Figures inside problem messages, written as a controller reads them: digits grouped in thousands and
 * amounts with their currency code (`EUR 581,906.00`; Dutch `EUR 581.906,00`). They work on the exact
 * decimal's text, never on a float, so a message shows the figure the report shows.
 */

/** How a language writes numbers. */
export interface NumberMarks {
  thousands: string;
  decimal: string;
}

export const EN_MARKS: NumberMarks = { thousands: ',', decimal: '.' };
export const NL_MARKS: NumberMarks = { thousands: '.', decimal: ',' };

/** A plain decimal text (`-1234567.5`) with its digits grouped: `-1,234,567.5` (Dutch `-1.234.567,5`). */
export function groupedNumber(text: string, marks: NumberMarks): string {
  const negative = text.startsWith('-');
  const [whole = '', fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, marks.thousands);
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `${marks.decimal}${fraction}`}`;
}

/** An amount in cents (`581906.00`) with its currency code: `EUR 581,906.00`. */
export function moneyText(amount: string, currency: string, marks: NumberMarks): string {
  return `${currency} ${groupedNumber(amount, marks)}`;
}
