/**
 * The rule for text that reaches a report (src/workbook/xml-text.ts), checked with an XML parser that is
 * not ours (saxes): whatever the text, the XML is well-formed, and cell text reads back exactly as written
 * once Excel's `_xHHHH_` escapes are decoded — controls, U+FFFE, lone surrogates, a literal `_x0041_`, and
 * a carriage return (which XML's end-of-line handling would turn into a line feed if written raw).
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { cutCellText, encodeCellText, encodeXml, MAX_CELL_TEXT } from '../../src/workbook/xml-text';
import { ownerRole, ownerValue } from '../../src/workbook/report-owner';
import { cleanSheetText } from '../../src/workbook/statement-names';
import { renderSheetXml } from '../../src/xlsx/render-sheet';
import { excelCellText, hasXmlForbidden } from './text-workbook';

/** The text content of `<t>…</t>` as a conforming XML parser reports it, or the parser's error. */
function parsedText(inner: string): string {
  let text = '';
  let failure: string | null = null;
  const parser = new SaxesParser();
  parser.on('text', (t) => (text += t));
  parser.on('error', (e) => (failure ??= e.message));
  parser.write(`<t>${inner}</t>`).close();
  if (failure !== null) throw new Error(failure);
  return text;
}

/** Any UTF-16 units at all, leaning on the ones that matter. */
const anyText = fc
  .array(
    fc.oneof(
      fc.constantFrom('\u0000', '\u0001', '\u000B', '\r', '\r\n', '\n', '\t', '\uFFFE', '\uFFFF', '\uD800', '\uDC00', '\u{1F600}', '_x0041_', '_x005F_', '_x00', '&', '<', '"', ']]>'),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength: 6 }),
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));

it('cell text is well-formed XML and reads back exactly, whatever it holds', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const xml = encodeCellText(text);
      expect(hasXmlForbidden(xml)).toBe(false);
      expect(excelCellText(parsedText(xml).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c))).toBe(text);
    }),
    { numRuns: 2000 },
  );
});

it('writes the examples as Excel does', () => {
  expect(encodeCellText('C\u0000a')).toBe('C_x0000_a');
  expect(encodeCellText('_x0041_')).toBe('_x005F_x0041_');
  expect(encodeCellText('a\r\nb')).toBe('a_x000D_\nb');
  expect(encodeCellText('\uD800')).toBe('_xD800_');
  expect(encodeCellText('\u{1F600}')).toBe('\u{1F600}');
});

it('any other text is well-formed XML, forbidden characters replaced', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      expect(() => parsedText(encodeXml(text))).not.toThrow();
      expect(hasXmlForbidden(encodeXml(text))).toBe(false);
    }),
    { numRuns: 2000 },
  );
});

it('a statement mark holds any customer id and gives it back', () => {
  fc.assert(
    // Customer ids come trimmed from the reader: the mark's role is read trimmed too.
    fc.property(anyText, (text) => {
      const id = `x${text}x`;
      const value = ownerValue(`statement ${id}`);
      expect(hasXmlForbidden(value)).toBe(false);
      expect(value).not.toContain('\r');
      expect(ownerRole(value)).toBe(`statement ${id}`);
    }),
    { numRuns: 2000 },
  );
});

it('a sheet name holds no character XML or Excel refuses', () => {
  fc.assert(
    fc.property(anyText, (id) => {
      expect(cleanSheetText(id)).not.toMatch(/[:\\/?*[\]\u0000-\u001f\u007f\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }),
    { numRuns: 2000 },
  );
});

it('cuts cell text at 32,767 units, never between the halves of a pair', () => {
  expect(cutCellText('a'.repeat(MAX_CELL_TEXT + 5)).length).toBe(MAX_CELL_TEXT);
  expect(cutCellText(`${'a'.repeat(MAX_CELL_TEXT - 1)}\u{1F600}`).length).toBe(MAX_CELL_TEXT - 1);
  expect(cutCellText(`${'a'.repeat(MAX_CELL_TEXT - 2)}\u{1F600}b`)).toBe(`${'a'.repeat(MAX_CELL_TEXT - 2)}\u{1F600}`);
  expect(cutCellText('short')).toBe('short');
});

/** The text constants of a mark's formula, as Excel reads them (quotes undoubled). */
function constants(formula: string): string[] {
  return [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"'));
}

it('a mark of a long customer id stays within Excel\'s 255 characters per text constant and gives the id back', () => {
  for (const id of ['x'.repeat(300), `${'"'.repeat(250)}\u0001${'y'.repeat(400)}`, `${'z'.repeat(233)}\u{1F600}${'z'.repeat(30)}`]) {
    const value = ownerValue(`statement ${id}`);
    for (const c of constants(value)) expect(c.length).toBeLessThanOrEqual(255);
    expect(hasXmlForbidden(value)).toBe(false);
    expect(ownerRole(value)).toBe(`statement ${id}`);
    expect(ownerRole(`=${value}`)).toBe(`statement ${id}`);
  }
  // Marks written before: one constant.
  expect(ownerRole('"ABC report: statement C-1"')).toBe('statement C-1');
  expect(ownerRole('"ABC report: pnl"')).toBe('pnl');
});

it('a mark too long for a formula does not name its role, rather than name a wrong one', () => {
  const value = ownerValue(`statement ${'x'.repeat(9_000)}`);
  expect(value.length).toBeLessThan(8_192);
  expect(ownerRole(value)).toBeNull();
});

it('the runner\'s sheet writer keeps any cell within Excel\'s limit, whoever built the sheet', () => {
  const sheet = { name: 'S', rows: [{ style: 'body' as const, cells: [{ value: `${'a'.repeat(MAX_CELL_TEXT)}b`, format: 'text' as const }] }], columnWidths: [], freeze: { rows: 0, columns: 0 } };
  const xml = renderSheetXml(sheet, () => 0);
  const text = /<t[^>]*>([^<]*)<\/t>/.exec(xml)?.[1] ?? '';
  expect(text.length).toBe(MAX_CELL_TEXT);
});
