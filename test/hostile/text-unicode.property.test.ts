/**
 * Issue 16, item 1 as a property: any Unicode at all (every plane, controls, U+FFFE/U+FFFF, lone
 * surrogates, a literal `_xHHHH_`, markup and sheet-name characters) in every text column of a small model
 * — customer id, name and segment, pool, activity and driver names — never gives a package a reader
 * refuses. Each run writes the workbook, runs the runner in process with every statement, and checks the
 * report with the saxes-based package checks (fast); the slow readers (xmllint, LibreOffice) run on fixed
 * worst cases in text-control-chars.test.ts and below.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { spawnSync } from 'child_process';
import fc from 'fast-check';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { checkPackage } from '../helpers/package-invariants';
import { tempDir } from '../xlsx/workbook-files';
import { hasXmlForbidden, textModelWorkbook, type ModelTexts } from './text-workbook';
import { sha256File, tools } from './harness';

/** Characters that have broken or could break a writer: XML's forbidden ones, markup, sheet-name and formula characters. */
const HOSTILE = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F', '\u0085', '\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uFEFF', '_x0041_', '_x005F_', '_X00', '"', "'", '&', '<', '>', ']]>', '[', ']', ':', '/', '\\', '?', '*', '\t', '\r\n', '=', '\u{1F600}', '\u{10FFFF}'];

/** Text of any code units at all, leaning on the hostile ones. */
const anyText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 4 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength: 4 })), { maxLength: 8 })
  .map((parts) => parts.join(''));

/** The texts of a model; a distinct prefix per text keeps ids, drivers and activities distinct and never blank. */
const modelTexts: fc.Arbitrary<ModelTexts> = fc
  .record({
    customers: fc.array(fc.record({ id: anyText, name: anyText, segment: anyText }), { minLength: 1, maxLength: 3 }),
    pool: anyText,
    activities: fc.tuple(anyText, anyText, anyText),
    drivers: fc.tuple(anyText, anyText, anyText),
  })
  .map((t) => ({
    customers: t.customers.map((c, i) => ({ id: `c${i}${c.id}`, name: `n${c.name}`, segment: c.segment })),
    pool: `p${t.pool}`,
    activities: [`a0${t.activities[0]}`, `a1${t.activities[1]}`, `a2${t.activities[2]}`],
    drivers: [`d0${t.drivers[0]}`, `d1${t.drivers[1]}`, `d2${t.drivers[2]}`],
  }));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The problems of every part of a written package: the package checks, and any raw forbidden character. */
async function packageProblems(path: string): Promise<string[]> {
  const bytes = readFileSync(path);
  const problems = [...(await checkPackage(bytes))];
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (/\.(xml|rels)$/.test(name) && hasXmlForbidden(await zip.file(name)!.async('string'))) problems.push(`${name} holds a forbidden character`);
  }
  return problems;
}

it('never writes a package a reader refuses, whatever text the model holds', async () => {
  const { dir, cleanup } = tempDir();
  const started = Date.now();
  try {
    await fc.assert(
      fc.asyncProperty(modelTexts, async (texts) => {
        const input = join(dir, 'model.xlsx');
        const out = join(dir, 'report.xlsx');
        await textModelWorkbook(input, texts);
        const before = sha256File(input);
        const r = await run([input, '--out', out, '--statements', 'all']);
        expect([r.code, r.err]).toEqual([0, expect.not.stringMatching(/^(error|ERROR)/m)]);
        expect(await packageProblems(out)).toEqual([]);
        expect(sha256File(input)).toBe(before);
      }),
      { numRuns: 30 },
    );
  } finally {
    cleanup();
  }
  expect(Date.now() - started).toBeLessThan(60_000);
}, 120_000);

it('writes a whale SVG and a JSON file other programs read, in Dutch, whatever the texts', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const input = join(dir, 'model.xlsx');
    const texts: ModelTexts = {
      customers: HOSTILE.slice(0, 12).map((h, i) => ({ id: `c${i}${h}`, name: `n${h}${HOSTILE[(i + 12) % HOSTILE.length] ?? ''}`, segment: h })),
      pool: `p${HOSTILE.join('')}`,
      activities: ['a0\u0000', 'a1\uFFFE', 'a2\uD800'],
      drivers: ['d0\u0001', 'd1\uDC00', 'd2_x0041_'],
    };
    await textModelWorkbook(input, texts);
    const svg = join(dir, 'whale.svg');
    const json = join(dir, 'result.json');
    const out = join(dir, 'report.xlsx');
    const r = await run([input, '--out', out, '--svg', svg, '--json', json, '--statements', 'all', '--lang', 'nl']);
    expect(r.code).toBe(0);
    expect(await packageProblems(out)).toEqual([]);
    expect(hasXmlForbidden(readFileSync(svg, 'utf8'))).toBe(false);
    if (tools.xmllint) expect(spawnSync('xmllint', ['--noout', svg], { encoding: 'utf8' }).stderr).toBe('');
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as { customers: Array<{ customer: string }> };
    expect(parsed.customers.map((c) => c.customer).sort()).toEqual(texts.customers.map((c) => c.id.trim()).sort()); // the reader trims ids (a trailing tab or form feed)
  } finally {
    cleanup();
  }
}, 60_000);
