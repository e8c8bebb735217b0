/**
 * The runner's command line. Parsing is separate from running so that every usage error is found
 * before any file is touched, and tested without files.
 */
import type { ReportLanguage } from '../workbook/report-layout';
import type { StatementRequest } from './statements';

/** What the user asked for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'run'; input: string | null; sample: boolean; out: string | null; json: string | null; lang?: ReportLanguage; svg?: string; statements?: StatementRequest }
  | { kind: 'usage-error'; message: string };

/** Where `--sample` writes the sample workbook, relative to the working folder. */
export const SAMPLE_WORKBOOK_PATH = 'out/sample-model.xlsx';

export const HELP = `Activity-based customer profitability: the headless runner.

Usage:
  npm run cost -- <workbook.xlsx> [--out <report.xlsx>] [--json <result.json>] [--lang nl|en]
  npm run cost -- --sample [--out <report.xlsx>] [--json <result.json>] [--lang nl|en]
  npm run cost -- --help

Reads the named ranges of the workbook contract (ABC_Pools, ABC_Activities, ABC_Customers, ABC_Volumes,
and optionally ABC_CustomerCosts and ABC_Settings; see docs/workbook-contract.md), computes the cost to
serve and the P&L of every customer, and writes a copy of the workbook with the sheets
"ABC Customer P&L", "ABC Rates" and "ABC Summary" added. The input workbook is never modified.

Options:
  --out <file>   the report workbook. Default: next to the input, named <input name>-report.xlsx
                 (for book.xlsx: book-report.xlsx). Report sheets of an earlier run are replaced;
                 a sheet of your own with one of those names stops the run.
  --svg <file>   also write the whale curve as an SVG picture (the task pane's picture of it).
  --json <file>  also write the result as JSON (money rounded to cents). Written even when the model
                 has errors, then holding only the list of problems.
  --lang nl|en   the language of the report sheets and of what is printed: nl (Dutch, sheets
                 "ABC Klantresultaat", "ABC Tarieven", "ABC Samenvatting") or en (English, the default).
                 The workbook's Language / Taal setting in ABC_Settings wins when present. The JSON
                 output stays English. Report sheets of an earlier run in the other language are replaced.
  --sample       build the embedded sample model into ${SAMPLE_WORKBOOK_PATH} and run on it.
  --statement <customer>
                 also write the statement of a customer (its id, or its exact name): the sheet
                 "ABC Statement <customer>" with its P&L next to the average customer of its segment and
                 of the company, and where its cost to serve comes from. Repeatable.
  --statements all|extremes
                 a statement for every customer (at most 500: the most profitable), or for the most and
                 the least profitable customer.
  --help         show this text.

Exit status: 0 success (warnings are printed), 1 the model has errors (all are printed; no report is
written), 2 usage error or a file that cannot be read or written.`;

/** Parses the arguments after `node main.js`. */
export function parseArgs(argv: readonly string[]): Command {
  let input: string | null = null;
  let out: string | null = null;
  let json: string | null = null;
  let svg: string | null = null;
  const statementCustomers: string[] = [];
  let statementMode: StatementRequest['mode'] = null;
  let sample = false;
  let lang: ReportLanguage | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--sample') {
      sample = true;
    } else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[i + 1] : arg.slice('--lang='.length);
      if (value === undefined || value === '' || value.startsWith('--')) return { kind: 'usage-error', message: '--lang needs a language: nl or en.' };
      if (lang !== null) return { kind: 'usage-error', message: '--lang is given twice.' };
      const language = value.toLowerCase();
      if (language !== 'nl' && language !== 'en') return { kind: 'usage-error', message: `--lang must be nl or en; got ${value}.` };
      lang = language;
      if (arg === '--lang') i++;
    } else if (arg === '--statement' || arg.startsWith('--statement=') || arg === '--statements' || arg.startsWith('--statements=')) {
      const flag = arg.split('=')[0] as string;
      const value = arg.includes('=') ? arg.slice(flag.length + 1) : argv[i + 1];
      if (!arg.includes('=')) i++;
      if (flag === '--statement') {
        if (value === undefined || value.trim() === '' || value.startsWith('--')) return { kind: 'usage-error', message: '--statement needs a customer id or name.' };
        statementCustomers.push(value);
      } else {
        if (value !== 'all' && value !== 'extremes') return { kind: 'usage-error', message: `--statements must be all or extremes; got ${value ?? 'nothing'}.` };
        if (statementMode !== null && statementMode !== value) return { kind: 'usage-error', message: '--statements is given twice.' };
        statementMode = value;
      }
    } else if (arg === '--svg' || arg.startsWith('--svg=')) {
      const value = arg === '--svg' ? argv[i + 1] : arg.slice('--svg='.length);
      if (value === undefined || value === '' || value.startsWith('--')) return { kind: 'usage-error', message: '--svg needs a file name.' };
      if (svg !== null) return { kind: 'usage-error', message: '--svg is given twice.' };
      svg = value;
      if (arg === '--svg') i++;
    } else if (arg === '--out' || arg === '--json') {
      const value = argv[i + 1];
      if (value === undefined || value === '' || value.startsWith('--')) {
        return { kind: 'usage-error', message: `${arg} needs a file name.` };
      }
      if ((arg === '--out' ? out : json) !== null) return { kind: 'usage-error', message: `${arg} is given twice.` };
      if (arg === '--out') out = value;
      else json = value;
      i++;
    } else if (arg.startsWith('--out=') || arg.startsWith('--json=')) {
      const [flag, ...rest] = arg.split('=');
      const value = rest.join('=');
      if (value === '') return { kind: 'usage-error', message: `${flag} needs a file name.` };
      if (flag === '--out') out = value;
      else json = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'usage-error', message: `Unknown option ${arg}.` };
    } else if (input !== null) {
      return { kind: 'usage-error', message: `Only one workbook can be given (got ${input} and ${arg}).` };
    } else {
      input = arg;
    }
  }
  if (sample && input !== null) return { kind: 'usage-error', message: `Give either a workbook or --sample, not both.` };
  if (!sample && input === null) return { kind: 'usage-error', message: 'No workbook given.' };
  // `lang` only when given, so a command without it reads as it always did.
  return { kind: 'run', input, sample, out, json, ...(lang === null ? {} : { lang }), ...(svg === null ? {} : { svg }),
    ...(statementCustomers.length === 0 && statementMode === null ? {} : { statements: { customers: statementCustomers, mode: statementMode } }),
  };
}
