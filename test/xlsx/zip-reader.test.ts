/**
 * The zlib zip reader (issue 11): stored and deflated entries, data descriptors, zip64 records, and
 * damage — a cut-off file gets the same damaged-file sentence as before, a damaged entry names its part.
 */
import { deflateRawSync } from 'zlib';
import { loadWorkbookBytes, WorkbookReadError } from '../../src/xlsx/load-workbook';
import { readContractRanges } from '../../src/xlsx/read-ranges';
import { readEntry, readZipEntries, streamEntry, ZipFormatError, type ZipEntry } from '../../src/xlsx/zip-reader';
import { handPackage } from './hand-package';

interface Spec {
  name: string;
  data: Buffer;
  method: 0 | 8;
  /** Sizes in a data descriptor after the data; the local header carries zeros. */
  descriptor?: boolean;
}

/** A zip written byte by byte; `zip64` writes every size and offset through zip64 records. */
function makeZip(specs: Spec[], zip64 = false): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const name = Buffer.from(spec.name, 'utf8');
    const body = spec.method === 8 ? deflateRawSync(spec.data) : spec.data;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE((spec.descriptor ? 0x0008 : 0) | 0x0800, 6);
    local.writeUInt16LE(spec.method, 8);
    local.writeUInt32LE(spec.descriptor ? 0 : body.length, 18);
    local.writeUInt32LE(spec.descriptor ? 0 : spec.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, body);
    const localOffset = offset;
    offset += local.length + name.length + body.length;
    if (spec.descriptor) {
      const d = Buffer.alloc(16);
      d.writeUInt32LE(0x08074b50, 0);
      d.writeUInt32LE(body.length, 8);
      d.writeUInt32LE(spec.data.length, 12);
      chunks.push(d);
      offset += d.length;
    }
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(spec.data.length), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      extra.writeBigUInt64LE(BigInt(localOffset), 20);
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(45, 4);
    c.writeUInt16LE(zip64 ? 45 : 20, 6);
    c.writeUInt16LE((spec.descriptor ? 0x0008 : 0) | 0x0800, 8);
    c.writeUInt16LE(spec.method, 10);
    c.writeUInt32LE(zip64 ? 0xffffffff : body.length, 20);
    c.writeUInt32LE(zip64 ? 0xffffffff : spec.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE(zip64 ? 0xffffffff : localOffset, 42);
    central.push(c, name, extra);
  }
  const directory = Buffer.concat(central);
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeBigUInt64LE(BigInt(specs.length), 24);
    record.writeBigUInt64LE(BigInt(specs.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : specs.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : specs.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...chunks, directory, ...tail, end]);
}

const BIG = Buffer.from('<row>'.repeat(300_000) + 'é😀', 'utf8');
const SPECS: Spec[] = [
  { name: 'stored.xml', data: Buffer.from('<a>stored</a>'), method: 0 },
  { name: 'xl/Deflated.xml', data: BIG, method: 8 },
  { name: 'described.xml', data: Buffer.from('<b>with a data descriptor</b>'), method: 8, descriptor: true },
];

async function contents(bytes: Buffer): Promise<Array<[string, string]>> {
  const entries = readZipEntries(bytes);
  return Promise.all(entries.map(async (e): Promise<[string, string]> => [e.name, (await readEntry(bytes, e)).toString('utf8')]));
}

describe('the zip reader', () => {
  it.each([
    ['plain', false],
    ['zip64', true],
  ])('reads stored, deflated and data-descriptor entries (%s records)', async (_kind, zip64) => {
    const bytes = makeZip(SPECS, zip64);
    const entries = readZipEntries(bytes);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['stored.xml', 0, 13],
      ['xl/Deflated.xml', 8, BIG.length],
      ['described.xml', 8, 29],
    ]);
    expect(await contents(bytes)).toEqual(SPECS.map((s) => [s.name, s.data.toString('utf8')]));
  });

  it('streams a large entry in pieces that add up to it', async () => {
    const bytes = makeZip(SPECS);
    const entry = readZipEntries(bytes)[1]!;
    const pieces: Buffer[] = [];
    await streamEntry(bytes, entry, (p) => pieces.push(Buffer.from(p)));
    expect(pieces.length).toBeGreaterThan(1);
    expect(Buffer.concat(pieces).equals(BIG)).toBe(true);
  });

  it('refuses a cut-off file, a damaged entry and an entry that inflates to another size', async () => {
    const bytes = makeZip(SPECS);
    expect(() => readZipEntries(bytes.subarray(0, bytes.length - 30))).toThrow(ZipFormatError);
    expect(() => readZipEntries(bytes.subarray(0, bytes.length - 30))).toThrow('The end of the zip directory is missing (the file is cut off or is no zip).');
    const entry = readZipEntries(bytes)[1]!;
    const damaged = Buffer.from(bytes);
    // Garbage in the middle of the deflated data.
    damaged.fill(0xff, 200, 260);
    await expect(readEntry(damaged, entry)).rejects.toThrow(/^The entry xl\/Deflated\.xml (is damaged|inflates to)/);
    const lying: ZipEntry = { ...entry, size: entry.size - 1 };
    await expect(readEntry(bytes, lying)).rejects.toThrow(`The entry xl/Deflated.xml inflates to more than its stated ${entry.size - 1} bytes.`);
    const short: ZipEntry = { ...entry, size: entry.size + 1 };
    await expect(readEntry(bytes, short)).rejects.toThrow(`The entry xl/Deflated.xml inflates to ${entry.size} bytes, not the stated ${entry.size + 1}.`);
    await expect(readEntry(bytes, { ...entry, method: 12 })).rejects.toThrow('The entry xl/Deflated.xml uses compression method 12, which .xlsx files do not use.');
  });

  it('gives a truncated workbook the damaged-file sentence, and a damaged sheet the part’s name', async () => {
    const book = await handPackage({
      sheets: [{ name: 'Pools', body: `<sheetData>${'<row><c t="inlineStr"><is><t>Pool</t></is></c><c><v>1</v></c></row>'.repeat(20_000)}</sheetData>` }],
      names: [{ name: 'ABC_Pools', formula: 'Pools!$A:$B' }],
    });
    const cut = book.subarray(0, Math.floor(book.length / 2));
    await expect(loadWorkbookBytes(cut, 'cut.xlsx')).rejects.toThrow(
      'cut.xlsx is a damaged or incomplete .xlsx file (its zip structure cannot be read); copy it again, or open it in Excel, let Excel repair it and save it.',
    );
    const loaded = await loadWorkbookBytes(book, 'book.xlsx');
    const sheet = loaded.entries!.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const data = book.indexOf(Buffer.from('xl/worksheets/sheet1.xml'), sheet.localOffset) + 'xl/worksheets/sheet1.xml'.length;
    const damaged = Buffer.from(book);
    damaged.fill(0x00, data + 40, data + 200);
    const reloaded = await loadWorkbookBytes(damaged, 'damaged.xlsx');
    const failure = await readContractRanges(reloaded).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WorkbookReadError);
    expect((failure as WorkbookReadError).message).toMatch(/^damaged\.xlsx could not be read as an \.xlsx workbook: The sheet Pools (is damaged: The entry xl\/worksheets\/sheet1\.xml|is not well-formed XML)/);
  });
});
