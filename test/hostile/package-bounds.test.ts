/**
 * Issue 16, item 5: the parts read whole (shared strings, workbook, relationships, content types,
 * styles) are bounded. A zip bomb among them — megabytes that inflate to gigabytes — is refused with exit
 * 2 within seconds and well under 1 GB of memory: at once when the directory declares more than the bound,
 * and while inflating when the declared size lies.
 */
import { fileProblemText } from '../../src/xlsx/file-problem';
import { MAX_SHARED_STRINGS_BYTES, MAX_WHOLE_PART_BYTES } from '../../src/xlsx/part-limits';
import { tempDir } from '../xlsx/workbook-files';
import { cleanupRunner } from './harness';
import { expectRefused, modelEntries } from './package-setup';
import { buildZip, type RawEntry, repeatedEntry, replaced } from './package-zip';

afterAll(() => cleanupRunner());

const BOUNDS = { ms: 15_000, mb: 600 };
const SST = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
const ITEM = '<si><t>abc</t></si>';

async function refusedText(make: (entries: RawEntry[]) => Buffer, bounds = BOUNDS): Promise<string> {
  const { dir, cleanup } = tempDir();
  try {
    const r = await expectRefused(dir, make(await modelEntries(dir)), bounds);
    return `${r.out}${r.err}`.trim();
  } finally {
    cleanup();
  }
}

function tooLarge(part: string, limit: number): string {
  return fileProblemText({ kind: 'part-too-large', part, limitMb: limit / 1024 / 1024 }, '');
}

it('refuses shared strings declared at 5 GiB at once, from the directory', async () => {
  const text = await refusedText((entries) => buildZip(replaced(entries, repeatedEntry(SST, 5 * 1024, { unit: ITEM }))), { ms: 8_000, mb: 300 });
  expect(text).toContain(tooLarge(SST, MAX_SHARED_STRINGS_BYTES).trim());
}, 60_000);

it('refuses shared strings just over the bound', async () => {
  const text = await refusedText((entries) => buildZip(replaced(entries, repeatedEntry(SST, MAX_SHARED_STRINGS_BYTES / 2 ** 20 + 1, { unit: ITEM }))), { ms: 8_000, mb: 300 });
  expect(text).toContain(tooLarge(SST, MAX_SHARED_STRINGS_BYTES).trim());
}, 60_000);

it('stops shared strings whose declared size lies at the declared size', async () => {
  const text = await refusedText((entries) => buildZip(replaced(entries, { ...repeatedEntry(SST, 3 * 1024, { unit: ITEM }), size: 1 << 20 })));
  expect(text).toMatch(/sharedStrings\.xml/);
}, 60_000);

it('bounds shared strings on the JSZip path too', async () => {
  // Bytes in front: our reader leaves the package to JSZip, which inflates the part itself.
  const text = await refusedText((entries) => Buffer.concat([Buffer.alloc(64, 0x20), buildZip(replaced(entries, repeatedEntry(SST, 2 * 1024, { unit: ITEM })))]), { ms: 30_000, mb: 900 });
  expect(text).toContain(tooLarge(SST, MAX_SHARED_STRINGS_BYTES).trim());
}, 90_000);

it.each([STYLES, 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'])('refuses %s declared over its bound at once', async (part) => {
  const text = await refusedText((entries) => buildZip(replaced(entries, repeatedEntry(part, MAX_WHOLE_PART_BYTES / 2 ** 20 + 1, { unit: ' ' }))), { ms: 8_000, mb: 300 });
  expect(text).toContain(tooLarge(part, MAX_WHOLE_PART_BYTES).trim());
}, 60_000);

it('stops a styles part whose declared size lies', async () => {
  const text = await refusedText((entries) => buildZip(replaced(entries, { ...repeatedEntry(STYLES, 1024, { unit: ' ' }), size: 1000 })), { ms: 10_000, mb: 400 });
  expect(text).toMatch(/styles\.xml/);
}, 60_000);
