/**
 * Everything the runner prints before a workbook is read, in the language `--lang` asks for: the help,
 * usage errors (even when `--lang` comes after the mistake), and the sentence for a file that is no
 * workbook. Each catalogue is checked whole: every kind has a Dutch sentence that is not the English one.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { languageOfArgs, parseArgs, type UsageProblem } from '../../src/cli/args';
import { CLI_TEXT_EN, CLI_TEXT_NL } from '../../src/cli/cli-text';
import { main } from '../../src/cli/main';
import { FILE_PROBLEM_KINDS, type FileProblem, fileProblemText } from '../../src/xlsx/file-problem';
import { tempDir } from '../xlsx/workbook-files';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Words that only an English sentence has; a Dutch sentence holding one was left untranslated. */
// (`is`, `open`, `in`, `op` are Dutch words too.)
const ENGLISH_WORDS = /\b(the|not|and|give|needs|given|cannot|file|folder|workbook|save|run|with|only|either|unknown|option|must|got|which|into)\b/i;

describe('the language of a command line', () => {
  it('is the valid --lang wherever it stands, or none', () => {
    expect(languageOfArgs(['--lang', 'NL', 'a.xlsx'])).toBe('nl');
    expect(languageOfArgs(['a.xlsx', '--bogus', '--lang=nl'])).toBe('nl');
    expect(languageOfArgs(['a.xlsx', '--lang', 'de'])).toBeNull();
    expect(languageOfArgs(['a.xlsx'])).toBeNull();
  });
});

describe('usage errors in Dutch', () => {
  const problems: UsageProblem[] = [
    { kind: 'lang-missing' },
    { kind: 'lang-invalid', value: 'de' },
    { kind: 'statement-missing' },
    { kind: 'statements-invalid', value: null },
    { kind: 'file-name-missing', flag: '--out' },
    { kind: 'given-twice', flag: '--json' },
    { kind: 'unknown-option', option: '--bogus' },
    { kind: 'two-workbooks', first: 'a.xlsx', second: 'b.xlsx' },
    { kind: 'workbook-and-sample' },
    { kind: 'no-workbook' },
  ];

  it.each(problems.map((p) => [p.kind, p] as const))('%s has a Dutch sentence with no English words', (_kind, problem) => {
    const dutch = CLI_TEXT_NL.usage(problem);
    expect(dutch).not.toBe(CLI_TEXT_EN.usage(problem));
    // Option names and values are quoted as typed; the words around them are Dutch.
    expect(dutch.replace(/--[a-z]+|\S+\.xlsx|\bde\b/g, '')).not.toMatch(ENGLISH_WORDS);
  });

  it('prints the sentence in Dutch although --lang comes after the mistake', async () => {
    const { code, err } = await run(['a.xlsx', '--bogus', '--lang', 'nl']);
    expect(code).toBe(2);
    expect(err).toBe('Onbekende optie --bogus. Gebruik --help voor uitleg.');
    expect(parseArgs(['a.xlsx', '--bogus', '--lang', 'nl'])).toEqual({ kind: 'usage-error', problem: { kind: 'unknown-option', option: '--bogus' } });
  });

  it('prints the same mistake in English without --lang', async () => {
    expect((await run(['a.xlsx', '--bogus'])).err).toBe('Unknown option --bogus. Run with --help for usage.');
  });

  it('shows the help in Dutch with --lang nl, naming every option the English help names', async () => {
    const dutch = (await run(['--help', '--lang', 'nl'])).out;
    const english = (await run(['--help'])).out;
    expect(dutch).toContain('Gebruik:');
    expect(dutch).toContain('ABC Klantresultaat');
    const options = (text: string): string[] => [...new Set(text.match(/--[a-z]+/g) ?? [])].sort();
    expect(options(dutch)).toEqual(options(english));
  });
});

describe('files that are no workbook, in Dutch', () => {
  const sample: Record<string, FileProblem> = {};
  for (const kind of FILE_PROBLEM_KINDS) {
    sample[kind] =
      kind === 'no-workbook-part'
        ? { kind, part: 'xl/workbook.xml' }
        : kind === 'read-failed' || kind === 'damaged-part'
          ? { kind, detail: 'EIO' }
          : kind === 'ambiguous-zip'
            ? { kind, reason: 'duplicate', part: 'xl/workbook.xml' }
            : kind === 'part-too-large'
              ? { kind, part: 'xl/workbook.xml', limitMb: 128 }
              : ({ kind } as FileProblem);
  }

  it.each(FILE_PROBLEM_KINDS.map((k) => [k]))('%s has a Dutch sentence with no English words', (kind) => {
    const problem = sample[kind] as FileProblem;
    const dutch = fileProblemText(problem, 'boek.xlsx', 'nl');
    expect(dutch).toContain('boek.xlsx');
    expect(dutch).not.toBe(fileProblemText(problem, 'boek.xlsx', 'en'));
    // Product and menu names stay as Excel, LibreOffice and Numbers spell them.
    const words = dutch.replace(/boek\.xlsx|xl\/workbook\.xml|Excel[\w -]*|LibreOffice|Numbers|PowerPoint|Word|OpenDocument|iWork|XML|HTML|PDF|CSV|Office/g, '');
    expect(words).not.toMatch(ENGLISH_WORDS);
  });

  it('prints the Dutch sentence for a CSV file named .xlsx, and for a missing file', async () => {
    const { dir, cleanup } = tempDir();
    const csv = join(dir, 'export.xlsx');
    writeFileSync(csv, 'Customer;Revenue\n1001;500\n');
    const wrongKind = await run([csv, '--lang', 'nl']);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.err).toBe(`${csv} is geen .xlsx-werkmap maar een tekstbestand (zoals CSV); open het in Excel en sla het op als .xlsx (Excel-werkmap).`);
    const missing = await run([join(dir, 'nowhere.xlsx'), '--lang', 'nl']);
    expect(missing.err).toBe(`Kan ${join(dir, 'nowhere.xlsx')} niet lezen: het bestand bestaat niet.`);
    expect((await run([dir, '--lang', 'nl'])).err).toBe(`${dir} is een map, geen werkmap; geef het pad van het .xlsx-bestand op.`);
    cleanup();
  });
});
