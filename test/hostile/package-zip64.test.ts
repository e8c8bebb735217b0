/**
 * Issue 16, item 8: the report is written by our own zip writer. Unchanged parts are copied as their
 * compressed bytes (never inflated), and ZIP64 records are written exactly when a size, an offset or the
 * number of entries needs them: a part over 4 GiB keeps its sizes, a package of 100,000 entries lists
 * them all, and a small report has no ZIP64 record at all.
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { inflateRawSync } from 'zlib';
import { join } from 'path';
import { readZipEntries } from '../../src/xlsx/zip-reader';
import { tempDir } from '../xlsx/workbook-files';
import { cleanupRunner, expectNoStackTrace, reportOpens, type RunOutcome, runRunner, sha256File } from './harness';
import { modelEntries } from './package-setup';
import { buildZip, deflatedEntry, type RawEntry, repeatedEntry, replaced } from './package-zip';

afterAll(() => cleanupRunner());

const CT = '[Content_Types].xml';

/** The entries with a content type for .bin parts, so the package stays a sound package. */
function withBinType(entries: RawEntry[]): RawEntry[] {
  const types = entries.find((e) => e.name === CT)!;
  const text = inflateRawSync(types.body).toString('utf8').replace(/(<Types[^>]*>)/, '$1<Default Extension="bin" ContentType="application/octet-stream"/>');
  return replaced(entries, deflatedEntry(CT, text));
}

/** Runs the runner on `bytes`; checks exit 0, no stack trace, the bounds, and the input unchanged. */
async function runOn(dir: string, bytes: Buffer, bounds: { ms: number; mb: number }): Promise<{ r: RunOutcome; out: string }> {
  const input = join(dir, 'book.xlsx');
  writeFileSync(input, bytes);
  const before = sha256File(input);
  const out = join(dir, 'report.xlsx');
  const r = await runRunner([input, '--out', out], { timeoutMs: bounds.ms * 3 });
  expect(r.timedOut).toBe(false);
  expectNoStackTrace(r);
  expect(r.code).toBe(0);
  expect(r.ms).toBeLessThan(bounds.ms);
  expect(r.peakMb).toBeLessThan(bounds.mb);
  expect(sha256File(input)).toBe(before);
  if (process.env.PACKAGE_FIGURES !== undefined) process.stdout.write(`${expect.getState().currentTestName}: ${r.ms} ms, ${r.peakMb.toFixed(0)} MB\n`);
  return { r, out };
}

/**
 * Every reader opens the report, except LibreOffice when it refuses the input as well: it loads no
 * package with a part over 4 GiB or more than 65,535 entries ("source file could not be loaded"), which
 * is its limit, not the report's.
 */
async function expectOpensWhereInputOpens(input: string, out: string): Promise<void> {
  const problems = await reportOpens(out);
  const libreOffice = problems.filter((p) => p.startsWith('LibreOffice'));
  expect(problems.filter((p) => !libreOffice.includes(p))).toEqual([]);
  if (libreOffice.length > 0) expect((await reportOpens(input)).filter((p) => p.startsWith('LibreOffice'))).toHaveLength(1);
}

/** Name, size and compressed size of every entry as Python's zipfile reads the directory. */
function pythonList(path: string): Array<[string, number, number]> {
  const py = spawnSync('python3', ['-c', 'import sys, zipfile, json\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps([[i.filename, i.file_size, i.compress_size] for i in z.infolist()]))', path], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (py.status !== 0) throw new Error(`python3 zipfile refuses the report: ${py.stderr.trim().split('\n').pop() ?? ''}`);
  return JSON.parse(py.stdout) as Array<[string, number, number]>;
}

/** The end record's fields, and whether a ZIP64 locator precedes it. */
function endRecord(bytes: Buffer): { count: number; zip64: boolean } {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  return { count: bytes.readUInt16LE(end + 10), zip64: end >= 20 && bytes.readUInt32LE(end - 20) === 0x07064b50 };
}

it('copies a part over 4 GiB with its ZIP64 sizes, without inflating it', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const big = repeatedEntry('xl/media/big.bin', 4608);
    const entries = [...withBinType(await modelEntries(dir)), big];
    const { out } = await runOn(dir, buildZip(entries), { ms: 30_000, mb: 500 });
    const listed = pythonList(out).find(([name]) => name === big.name);
    expect(listed).toEqual([big.name, 4608 * 2 ** 20, big.body.length]);
    const bytes = readFileSync(out);
    const entry = readZipEntries(bytes).find((e) => e.name === big.name)!;
    expect([entry.size, entry.compressedSize, entry.crc32]).toEqual([big.size, big.body.length, big.crc]);
    if (spawnSync('unzip', ['-v']).status === 0) {
      const unzip = spawnSync('unzip', ['-l', out], { encoding: 'utf8' });
      expect(unzip.stdout).toMatch(new RegExp(`\\b${4608 * 2 ** 20}\\s+\\S+\\s+\\S+\\s+xl/media/big\\.bin`));
    }
    await expectOpensWhereInputOpens(join(dir, 'book.xlsx'), out);
  } finally {
    cleanup();
  }
}, 300_000);

it('lists all 100,000 entries of a large package, with a ZIP64 end record', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const model = withBinType(await modelEntries(dir));
    const extra: RawEntry[] = [];
    const one = deflatedEntry('x', 'x');
    for (let i = 0; i < 100_000; i++) extra.push({ ...one, name: `xl/media/f${i}.bin` });
    const { out } = await runOn(dir, buildZip([...model, ...extra]), { ms: 60_000, mb: 800 });
    const listed = pythonList(out);
    expect(listed.filter(([name]) => name.startsWith('xl/media/f'))).toHaveLength(100_000);
    expect(endRecord(readFileSync(out))).toEqual({ count: 0xffff, zip64: true });
    await expectOpensWhereInputOpens(join(dir, 'book.xlsx'), out);
  } finally {
    cleanup();
  }
}, 300_000);

it('writes no ZIP64 record for a small report, and copies unchanged parts byte for byte', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const model = await modelEntries(dir);
    const { out } = await runOn(dir, buildZip(model), { ms: 30_000, mb: 500 });
    const bytes = readFileSync(out);
    const end = endRecord(bytes);
    expect(end.zip64).toBe(false);
    const written = readZipEntries(bytes);
    expect(end.count).toBe(written.length);
    // Every part the report does not change: same compressed bytes, CRC and sizes as in the input.
    for (const name of ['docProps/core.xml', 'xl/theme/theme1.xml']) {
      const input = model.find((e) => e.name === name)!;
      const copy = written.find((e) => e.name === name)!;
      expect([copy.size, copy.compressedSize, copy.crc32 >>> 0]).toEqual([input.size, input.body.length, input.crc >>> 0]);
    }
    const py = spawnSync('python3', ['-c', 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nbad = z.testzip()\nprint(bad or "")\nsys.exit(1 if bad else 0)', out], { encoding: 'utf8' });
    expect(py.status).toBe(0);
    expect(await reportOpens(out)).toEqual([]);
  } finally {
    cleanup();
  }
}, 300_000);
