/**
 * What the one tokenizer must keep whatever the pieces its input arrives in: the text front's offsets
 * (UTF-16 code units, so a caller can edit the text at them) with characters outside ASCII and surrogate
 * pairs cut by a piece boundary; the byte tokenizer's events when a token longer than the window it joins
 * is cut by a boundary; and the shared strings' shortcut for plain items, which must read as the general
 * path does and let a bad part fail as before; and the cell shortcut's reading of a reference's column.
 */
import type { ValueContext } from '../../src/xlsx/cell-value';
import { scanSharedStrings } from '../../src/xlsx/shared-strings';
import { scanSheet, wholePart } from '../../src/xlsx/sheet-scan';
import { ByteXmlTokenizer, textOf } from '../../src/xlsx/xml-bytes';
import { XmlError, XmlTokenizer } from '../../src/xlsx/xml-tokenizer';
import { writeInPieces } from './write-in-pieces';

/** Every start tag's source, end tag's source and text event's source, cut out of `xml` at the reported offsets. */
function spans(xml: string, pieces: number[]): string[] {
  const out: string[] = [];
  const t = new XmlTokenizer({
    startElement: (tag) => out.push(`S ${xml.slice(tag.start, tag.end)}`),
    endElement: (tag) => out.push(`E ${xml.slice(tag.start, tag.end)}`),
    text: (text, start, end) => out.push(`T ${text}|${xml.slice(start, end)}`),
  });
  writeInPieces(t, xml, pieces);
  return out;
}

const NON_ASCII = '<a x="é😀"><b>€ 5 😀😀</b><![CDATA[ü<>]]><c y="ÿ"/>tail 𝄞</a>';

describe('the text front of the byte tokenizer', () => {
  it('reports offsets in UTF-16 code units, with characters of two, three and four bytes', () => {
    expect(spans(NON_ASCII, [])).toEqual([
      'S <a x="é😀">',
      'S <b>',
      'T € 5 😀😀|€ 5 😀😀',
      'E </b>',
      'T ü<>|<![CDATA[ü<>]]>',
      'S <c y="ÿ"/>',
      // An empty-element tag's end is reported at its end, with no source of its own.
      'E ',
      'T tail 𝄞|tail 𝄞',
      'E </a>',
    ]);
  });

  it('gives the same offsets when a piece boundary cuts a surrogate pair or a tag', () => {
    const whole = spans(NON_ASCII, []);
    // Every cut: `😀` is two code units, so some of these cut it in half.
    for (let cut = 1; cut < NON_ASCII.length; cut++) expect(spans(NON_ASCII, [cut])).toEqual(whole);
    expect(spans(NON_ASCII, Array.from({ length: NON_ASCII.length }, () => 1))).toEqual(whole);
  });

  it('still refuses XML that is not well-formed, with the byte tokenizer’s words', () => {
    expect(() => spans('<a><b></a>', [])).toThrow(new XmlError('The end tag </a> does not close <b>.'));
    expect(() => spans('<p:a/>', [])).toThrow(new XmlError('The prefix "p" of <p:a> is not declared.'));
    expect(() => spans('<a x="1" x="2"/>', [])).toThrow(new XmlError('The attribute x appears twice in <a>.'));
  });
});

/** The byte tokenizer's events over `bytes` written in pieces of `size`, adjacent text joined. */
function byteEvents(bytes: Buffer, size: number): string[] {
  const out: string[] = [];
  const push = (e: string): void => {
    const last = out[out.length - 1];
    if (e.startsWith('"') && last !== undefined && last.startsWith('"')) out[out.length - 1] = last + e.slice(1);
    else out.push(e);
  };
  const t = new ByteXmlTokenizer({
    startElement: (tag) => push(`<${tag.qname} ${tag.start}-${tag.end} ${tag.attributes.map((a) => `${a.qname}=${a.value}`).join(',')}`),
    endElement: (_uri, local, end, start) => push(`>${local} ${start}-${end}`),
    text: (s, a, b, cdata) => push(`"${textOf(s, a, b, cdata)}`),
  });
  for (let i = 0; i < bytes.length; i += size) t.write(bytes.subarray(i, i + size));
  t.end();
  return out;
}

describe('the byte tokenizer across pieces', () => {
  it('reads a token longer than the joining window, cut by a boundary, as when it comes whole', () => {
    const long = 'x'.repeat(40_000);
    const xml = `<r><a v="${long}">${long}</a><b>&amp;${long}&lt;</b><c/></r>`;
    const bytes = Buffer.from(xml, 'utf8');
    const whole = byteEvents(bytes, bytes.length);
    // Compared as booleans: a failure must not print 40,000 x's.
    expect(whole[1] === `<a 3-${3 + 6 + long.length + 2} v=${long}`).toBe(true);
    expect(whole[5] === `"&${long}<`).toBe(true);
    expect(whole.length).toBe(10);
    for (const size of [1000, 16 * 1024 - 3, 16 * 1024 + 5, 30_000, 65_536]) expect(byteEvents(bytes, size).join('\n') === whole.join('\n')).toBe(true);
  });
});

const SST = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('shared strings with plain items read in one call', () => {
  it('gives every item the text the general path gives it', () => {
    const items = ['Orders', '  ', '', 'a > b', 'é€😀', 'x&amp;y', '<r><t>rich</t></r><r><t> text</t></r>', 'SO-1'];
    const plain = (t: string): string => (t.startsWith('<r>') ? `<si>${t}</si>` : `<si><t xml:space="preserve">${t}</t></si>`);
    // The same items after a prefixed root: no default namespace, so none may take the shortcut.
    const fast = scanSharedStrings(Buffer.from(`<sst xmlns="${SST}">${items.map(plain).join('')}</sst>`));
    const general = scanSharedStrings(Buffer.from(`<x:sst xmlns:x="${SST}">${items.map((t) => plain(t).replace(/<(\/?)(si|t|r)\b/g, '<$1x:$2')).join('')}</x:sst>`));
    const expected = ['Orders', '  ', '', 'a > b', 'é€😀', 'x&y', 'rich text', 'SO-1'];
    expect(fast.count).toBe(8);
    expect(general.count).toBe(8);
    expect(expected.map((_, i) => fast.get(i))).toEqual(expected);
    expect(expected.map((_, i) => general.get(i))).toEqual(expected);
    expect(expected.map((_, i) => fast.isBlank(i))).toEqual([false, true, true, false, false, false, false, false]);
  });

  it('lets a bad part fail as before', () => {
    const bad = (body: string): (() => unknown) => () => scanSharedStrings(Buffer.from(`<sst xmlns="${SST}">${body}</sst>`));
    expect(bad('<si><t>a</t></si><si><t>b</t></sx>')).toThrow(new XmlError('The end tag </sx> does not close <si>.'));
    expect(bad('<si><t>a &nbsp; b</t></si>')).toThrow(XmlError);
    expect(bad('<si><t>a</t></si><si><t>b</t>')).toThrow(new XmlError('The end tag </sst> does not close <si>.'));
  });
});

describe('cell references read on the cell shortcut', () => {
  it('places cells by their column as the general path does, whatever the form of `r`', async () => {
    const body =
      '<row r="1"><c r="B1"><v>2</v></c><c r="a1"><v>1</v></c><c r="$C$1"><v>3</v></c><c r=" D1"><v>4</v></c><c r="AB1"><v>28</v></c></row>' +
      '<row r="2"><c r="ABCD2"><v>731</v></c><c><v>732</v></c><c r="XFD2"><v>16384</v></c></row>';
    const xml = `<worksheet xmlns="${SST}"><sheetData>${body}</sheetData></worksheet>`;
    const ctx: ValueContext = { sharedStrings: scanSharedStrings(Buffer.from('<sst/>')), looks: [], date1904: false };
    const area = { sheet: 'S', top: 1, left: 1, bottom: 10, right: 16_384 };
    const [cells] = await scanSheet(wholePart(Buffer.from(xml)), [{ area }], ctx, 'S');
    const rows = cells!.rows;
    // `a1` is column A (letters are read either case), `$C$1` and ` D1` columns C and D, `AB1` column 28.
    expect(rows[0]!.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.length).toBe(28);
    expect(rows[0]![27]).toBe(28);
    // Only three letters of a reference are read (`ABC` is column 731); a cell without `r` follows the one before.
    expect(rows[1]!.length).toBe(16_384);
    expect([rows[1]![730], rows[1]![731], rows[1]![16_383]]).toEqual([731, 732, 16384]);
    expect(rows[1]!.filter((v) => v !== null)).toHaveLength(3);
  });
});
