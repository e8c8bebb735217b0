import { fromLocalFormatCode, hasSeparators, sameFormatCode, toLocalFormatCode } from '../../src/workbook/local-format-code';
import { numberFormat } from '../../src/workbook/report-format';

const GERMAN = { decimal: ',', group: '.' };
const FRENCH = { decimal: ',', group: '\u00a0' };
const US = { decimal: '.', group: ',' };

describe('number format codes in the local form', () => {
  test('separators swap in a German region', () => {
    expect(toLocalFormatCode('#,##0.00', GERMAN)).toBe('#.##0,00');
    expect(toLocalFormatCode('0.0%', GERMAN)).toBe('0,0%');
    expect(toLocalFormatCode('#,##0', GERMAN)).toBe('#.##0');
    expect(toLocalFormatCode('#,##0.0000', GERMAN)).toBe('#.##0,0000');
  });

  test('quoted text, escapes and bracketed parts are kept', () => {
    expect(toLocalFormatCode('€ #,##0.00;[Red]-€ #,##0.00', GERMAN)).toBe('€ #.##0,00;[Red]-€ #.##0,00');
    expect(toLocalFormatCode('"€ "#,##0.00;[Red]"€ "-#,##0.00', GERMAN)).toBe('"€ "#.##0,00;[Red]"€ "-#.##0,00');
    expect(toLocalFormatCode('#,##0.00 "C.H.F."', GERMAN)).toBe('#.##0,00 "C.H.F."');
    expect(toLocalFormatCode('[$€-407] #,##0.00', GERMAN)).toBe('[$€-407] #.##0,00');
    expect(toLocalFormatCode('[$€-x.y] #,##0.00', GERMAN)).toBe('[$€-x.y] #.##0,00');
    // An escaped dot and the width of a padding character are text, not separators.
    expect(toLocalFormatCode('0\\.0 _,0.0', GERMAN)).toBe('0\\.0 _,0,0');
  });

  test('the report\'s own codes', () => {
    expect(toLocalFormatCode(numberFormat('money', 'EUR'), GERMAN)).toBe('"€ "#.##0,00;[Red]"€ "-#.##0,00');
    expect(toLocalFormatCode(numberFormat('money', 'CHF'), GERMAN)).toBe('#.##0,00 "CHF";[Red]-#.##0,00 "CHF"');
    expect(toLocalFormatCode(numberFormat('text', 'EUR'), GERMAN)).toBe('@');
  });

  test('a space as thousands separator (office-js#3244)', () => {
    expect(toLocalFormatCode('#,##0.00', FRENCH)).toBe('#\u00a0##0,00');
    expect(toLocalFormatCode('#,##0.00', { decimal: ',', group: ' ' })).toBe('# ##0,00');
    expect(fromLocalFormatCode('# ##0,00', { decimal: ',', group: ' ' })).toBe('#,##0.00');
  });

  test('an en-US host keeps the code; codes without separators are kept', () => {
    expect(toLocalFormatCode('"$"#,##0.00;[Red]"$"-#,##0.00', US)).toBe('"$"#,##0.00;[Red]"$"-#,##0.00');
    expect(toLocalFormatCode('0%', GERMAN)).toBe('0%');
    expect(toLocalFormatCode('yyyy-mm-dd', GERMAN)).toBe('yyyy-mm-dd');
    expect(toLocalFormatCode('General', GERMAN)).toBe('General');
  });

  test('a date or time code with separators is not translated (its letters are local too)', () => {
    expect(toLocalFormatCode('hh:mm:ss.000', GERMAN)).toBeNull();
    expect(toLocalFormatCode('dd.mm.yyyy', GERMAN)).toBeNull();
  });

  test('back to the invariant form', () => {
    for (const code of ['#,##0.00', '0.0%', '"€ "#,##0.00;[Red]"€ "-#,##0.00', '#,##0']) {
      const local = toLocalFormatCode(code, GERMAN) as string;
      expect(fromLocalFormatCode(local, GERMAN)).toBe(code);
    }
  });

  test('which codes a host\'s separators can garble', () => {
    expect(hasSeparators('#,##0')).toBe(true);
    expect(hasSeparators('0.0%')).toBe(true);
    expect(hasSeparators('0%')).toBe(false);
    expect(hasSeparators('@')).toBe(false);
    expect(hasSeparators('0 "k.m."')).toBe(false);
    expect(hasSeparators('[$-1.2]0')).toBe(false);
  });

  test('the same code in another spelling is the same; a garbled one is not', () => {
    expect(sameFormatCode('"€ "#,##0.00;[Red]"€ "-#,##0.00', '\\€\\ #,##0.00;[RED]\\€\\ -#,##0.00')).toBe(true);
    expect(sameFormatCode('"€ "#,##0.00;[Red]"€ "-#,##0.00', '€ #,##0.00;[Red]€ -#,##0.00')).toBe(true);
    expect(sameFormatCode('#,##0.00 "CHF"', '#,##0.00 \\C\\H\\F')).toBe(true);
    expect(sameFormatCode('#,##0.00', '#.##0,00')).toBe(false);
    expect(sameFormatCode('#,##0.00', '###,##000')).toBe(false);
    expect(sameFormatCode('0.0%', '0,0%')).toBe(false);
  });
});
