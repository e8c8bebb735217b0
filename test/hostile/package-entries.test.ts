/**
 * Issue 16, item 7: a package whose entries are ambiguous — two entries of one name (compared ignoring
 * case, as part names are), or a local header that says something else than the central directory — is
 * refused with one sentence and exit 2, on our zip reader's path and on JSZip's fallback path alike:
 * readers disagree about which entry is the part, so any figure from it could contradict the report.
 */
import { fileProblemText } from '../../src/xlsx/file-problem';
import { tempDir } from '../xlsx/workbook-files';
import { cleanupRunner } from './harness';
import { expectRefused, firstSheet, modelEntries } from './package-setup';
import { buildZip, deflatedEntry, type RawEntry } from './package-zip';

afterAll(() => cleanupRunner());

const BOUNDS = { ms: 20_000, mb: 400 };

async function refused(make: (entries: RawEntry[]) => Buffer): Promise<string> {
  const { dir, cleanup } = tempDir();
  try {
    const r = await expectRefused(dir, make(await modelEntries(dir)), BOUNDS);
    return `${r.out}${r.err}`.trim();
  } finally {
    cleanup();
  }
}

/** The sheet again at the end, with other content, as a second entry of `name`. */
function withSecond(entries: RawEntry[], name: string): Buffer {
  const sheet = firstSheet(entries);
  return buildZip([...entries, deflatedEntry(name, sheet.body.length > 0 ? '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>' : '')]);
}

it('refuses two entries of the same name', async () => {
  const text = await refused((entries) => withSecond(entries, firstSheet(entries).name));
  expect(text).toMatch(/book\.xlsx/);
  expect(text).toContain('xl/worksheets/sheet1.xml');
}, 60_000);

it('refuses two entries whose names differ only in case', async () => {
  const text = await refused((entries) => withSecond(entries, firstSheet(entries).name.toUpperCase()));
  expect(text).toMatch(/XL\/WORKSHEETS\/SHEET1\.XML|xl\/worksheets\/sheet1\.xml/);
}, 60_000);

it('refuses a duplicate on the JSZip path too (a package our reader leaves to JSZip)', async () => {
  // Bytes in front shift every offset: our reader gives up, JSZip finds the shift and reads on.
  const text = await refused((entries) => Buffer.concat([Buffer.alloc(64, 0x20), withSecond(entries, firstSheet(entries).name)]));
  expect(text).toMatch(/sheet1\.xml/i);
}, 60_000);

it('refuses a directory that counts fewer entries than it holds', async () => {
  const text = await refused((entries) => {
    const zip = withSecond(entries, firstSheet(entries).name);
    // The end record's counts say one fewer: the second sheet1.xml is there for a reader that reads on.
    const end = zip.length - 22;
    zip.writeUInt16LE(zip.readUInt16LE(end + 8) - 1, end + 8);
    zip.writeUInt16LE(zip.readUInt16LE(end + 10) - 1, end + 10);
    return zip;
  });
  expect(text).toMatch(/book\.xlsx/);
}, 60_000);

it.each([
  ['name', { name: 'xl/worksheets/sheet9.xml' }],
  ['method', { method: 0 }],
  ['compressed size', { compressedSize: 1 }],
  ['size', { size: 7 }],
])('refuses a local header whose %s differs from the directory', async (_what, local) => {
  const text = await refused((entries) => {
    const sheet = firstSheet(entries);
    sheet.local = local;
    return buildZip(entries);
  });
  expect(text).toMatch(/sheet1\.xml/);
}, 60_000);

it.each(['duplicate', 'local-header', 'directory-count'] as const)('has the sentence for %s in English and Dutch', (reason) => {
  const problem = { kind: 'ambiguous-zip', reason, part: 'xl/a.xml' } as const;
  expect(fileProblemText(problem, 'b.xlsx', 'nl')).not.toBe(fileProblemText(problem, 'b.xlsx', 'en'));
  expect(fileProblemText(problem, 'b.xlsx', 'nl')).toMatch(/^b\.xlsx is beschadigd: /);
});
