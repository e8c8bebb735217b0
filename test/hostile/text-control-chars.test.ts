/**
 * Issue 16, items 1 and 10 (first half): customer ids and names holding characters XML cannot hold
 * (U+0000, U+0001, a vertical tab, U+FFFE, a lone surrogate), a literal `_x0041_`, and a name longer than
 * a cell can hold, run with `--statements all`. The report must open in every reader, give the texts back
 * as Excel reads them, cut the long name with a located warning, and mark the statements so that a re-run
 * replaces them instead of adding more.
 */
import { join } from 'path';
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import { cleanupRunner, expectNoStackTrace, reportOpens, runRunner, sha256File } from './harness';
import { cellTexts, hasXmlForbidden, sheetParts, textModelWorkbook, type ModelTexts } from './text-workbook';
import { tempDir } from '../xlsx/workbook-files';

afterAll(() => cleanupRunner());

/** A surrogate pair straddling Excel's limit: a cut at 32,767 units must not split it. */
const LONG_NAME = `${'N'.repeat(32_766)}\u{1F600}${'n'.repeat(40_000 - 32_768)}`;

const TEXTS: ModelTexts = {
  customers: [
    { id: 'C\u0000a', name: 'Nul\u0000 name', segment: 'Seg\u0000' },
    { id: 'C\u0001a', name: 'One\u0001', segment: 'Seg\u0001' },
    { id: 'C\u000Bv', name: 'VT\u000B tab\tCR\r\nLF', segment: 'Retail' },
    { id: 'C\uFFFEf', name: 'FFFE\uFFFF', segment: 'Retail' },
    { id: 'C\uD800s', name: 'lone \uDC00 surrogate', segment: 'Retail' },
    { id: '_x0041_', name: '_x0041_ literal', segment: '_x0042_' },
    { id: 'Long', name: LONG_NAME, segment: 'Retail' },
    // Longer than a formula's text constant holds (255): its statement's mark is written in pieces.
    { id: `L${'q'.repeat(300)}\u0001"`, name: 'long id', segment: 'Retail' },
  ],
  pool: 'Pool\u0002',
  activities: ['Orders\u0003 act', 'Inquiries act', 'Checks\uFFFF act'],
  drivers: ['Orders\u0004', 'Inquiries', 'Credit checks'],
};

it('writes a report every reader opens and Excel reads back as written, with long text cut and a warning', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const input = join(dir, 'hostile.xlsx');
    await textModelWorkbook(input, TEXTS);
    const before = sha256File(input);
    const out = join(dir, 'report.xlsx');
    const r = await runRunner([input, '--out', out, '--statements', 'all'], { timeoutMs: 60_000 });
    expect(r.err).not.toMatch(/^error/m);
    expect(r.code).toBe(0);
    expectNoStackTrace(r);
    expect(r.ms).toBeLessThan(30_000);
    expect(r.peakMb).toBeLessThan(400);
    expect(sha256File(input)).toBe(before);
    if (process.env.HOSTILE_FIGURES !== undefined) process.stderr.write(`text-control-chars: ${r.ms} ms, ${r.peakMb.toFixed(0)} MB\n`);

    // The long name is cut at Excel's limit, before the pair, with a located warning.
    expect(await reportOpens(out)).toEqual([]);
    expect(r.err).toMatch(/TEXT_CUT/);

    const sheets = await sheetParts(out);
    for (const s of sheets) expect(hasXmlForbidden(s.name)).toBe(false);
    // One statement per customer.
    const statements = sheets.filter((s) => s.name.startsWith('ABC Statement'));
    expect(statements).toHaveLength(TEXTS.customers.length);
    const texts = sheets.flatMap((s) => [...cellTexts(s.xml).values()]);
    for (const c of TEXTS.customers) {
      expect(texts).toContain(c.id);
      if (c.name !== LONG_NAME) expect(texts).toContain(c.name);
    }
    expect(texts).toContain(LONG_NAME.slice(0, 32_766));
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(32_767);
    const summary = sheets.find((s) => s.name === 'ABC Summary');
    expect([...cellTexts(summary?.xml ?? '').values()]).toContain('TEXT_CUT');

    // No raw forbidden character in any part (the owner marks, chart titles, names included).
    const zip = await JSZip.loadAsync(readFileSync(out));
    for (const name of Object.keys(zip.files)) {
      // A raw carriage return is no error, but a parser reads it as a line feed: it must be escaped too.
      const text = /\.(xml|rels)$/.test(name) ? await zip.file(name)!.async('string') : '';
      expect([name, hasXmlForbidden(text), text.includes('\r')]).toEqual([name, false, false]);
    }

    // A re-run on the report finds every statement by its mark and replaces it.
    const again = join(dir, 'again.xlsx');
    const r2 = await runRunner([out, '--out', again, '--statements', 'all'], { timeoutMs: 60_000 });
    expect(r2.code).toBe(0);
    expectNoStackTrace(r2);
    expect((await sheetParts(again)).map((s) => s.name)).toEqual(sheets.map((s) => s.name));
  } finally {
    cleanup();
  }
}, 300_000);
