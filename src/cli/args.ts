/**
 * The runner's command line. Parsing is separate from running so that every usage error is found
 * before any file is touched, and tested without files.
 */
import type { ReportLanguage } from '../workbook/report-layout';
import { cliText } from './cli-text';
import type { StatementRequest } from './statements';

/** What is wrong with a command line, as data: it is put in words in the language the command line asks for. */
export type UsageProblem =
  | { kind: 'lang-missing' }
  | { kind: 'lang-invalid'; value: string }
  | { kind: 'statement-missing' }
  | { kind: 'statements-invalid'; value: string | null }
  | { kind: 'file-name-missing'; flag: string }
  | { kind: 'given-twice'; flag: string }
  | { kind: 'unknown-option'; option: string }
  | { kind: 'two-workbooks'; first: string; second: string }
  | { kind: 'workbook-and-sample' }
  | { kind: 'no-workbook' }
  | { kind: 'decimal-invalid'; value: string | null }
  | { kind: 'volumes-and-sql' }
  | { kind: 'db-without-sql' }
  | { kind: 'decimal-without-volumes' }
  | { kind: 'template-alone' }
  | { kind: 'value-missing'; flag: string }
  | { kind: 'compare-both' }
  | { kind: 'label-without-compare' };

/** `--compare <file>` or `--compare-period <label>`, with `--label-earlier`: what this period is compared with. */
export interface CompareRequest {
  file: string | null;
  period: string | null;
  label: string | null;
}

/** `--volumes`, `--volumes-sql` with `--db`, and `--decimal`: where the volumes come from instead of ABC_Volumes. */
export type VolumeRequest =
  | { kind: 'file'; path: string; decimal: ',' | '.' | null }
  | { kind: 'sql'; sqlPath: string; db: string | null; decimal: ',' | '.' | null };

/** What the user asked for. */
export type Command =
  | { kind: 'help' }
  /** `--template <file>`: write the empty model there, in `lang` (English when not given). */
  | { kind: 'template'; path: string; lang: ReportLanguage }
  | { kind: 'run'; input: string | null; sample: boolean; out: string | null; json: string | null; lang?: ReportLanguage; svg?: string; svgFlow?: string; statements?: StatementRequest; volumes?: VolumeRequest; keep?: boolean; compare?: CompareRequest; svgBridge?: string; svgTornado?: string }
  | { kind: 'usage-error'; problem: UsageProblem };

export { SAMPLE_WORKBOOK_PATH } from './help-text';

function usage(problem: UsageProblem): Command {
  return { kind: 'usage-error', problem };
}

/**
 * The language a command line asks for with a valid `--lang`, wherever it stands; null when it asks for none.
 * A usage error or the help is printed in it, though parsing stopped before reaching it.
 */
export function languageOfArgs(argv: readonly string[]): ReportLanguage | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    const language = value?.toLowerCase();
    if (language === 'nl' || language === 'en') return language;
  }
  return null;
}

/** A usage error's sentence in a language (English when not given); null when the command is no usage error. */
export function usageMessage(command: Command, language: ReportLanguage = 'en'): string | null {
  return command.kind === 'usage-error' ? cliText(language).usage(command.problem) : null;
}

/** Parses the arguments after `node main.js`. */
export function parseArgs(argv: readonly string[]): Command {
  let input: string | null = null;
  let out: string | null = null;
  let json: string | null = null;
  let svg: string | null = null;
  let svgFlow: string | null = null;
  const statementCustomers: string[] = [];
  let statementMode: StatementRequest['mode'] = null;
  let sample = false;
  let keep = false;
  let template: string | null = null;
  let lang: ReportLanguage | null = null;
  const volumeFlags = new Map<string, string>();
  const compareFlags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const volumeFlag = ['--volumes', '--volumes-sql', '--db', '--decimal'].find((f) => arg === f || arg.startsWith(`${f}=`));
    if (volumeFlag !== undefined) {
      const value = arg === volumeFlag ? argv[i + 1] : arg.slice(volumeFlag.length + 1);
      if (arg === volumeFlag) i++;
      if (volumeFlag === '--decimal') {
        if (value !== ',' && value !== '.') return usage({ kind: 'decimal-invalid', value: value ?? null });
      } else if (value === undefined || value === '' || value.startsWith('--')) {
        return usage({ kind: 'file-name-missing', flag: volumeFlag });
      }
      if (volumeFlags.has(volumeFlag)) return usage({ kind: 'given-twice', flag: volumeFlag });
      volumeFlags.set(volumeFlag, value);
    } else if (COMPARE_FLAGS.some((f) => arg === f || arg.startsWith(`${f}=`))) {
      const flag = arg.split('=')[0] as string;
      const value = arg === flag ? argv[i + 1] : arg.slice(flag.length + 1);
      if (arg === flag) i++;
      if (value === undefined || value.trim() === '' || value.startsWith('--')) return usage(['--compare', '--svg-bridge', '--svg-tornado'].includes(flag) ? { kind: 'file-name-missing', flag } : { kind: 'value-missing', flag });
      if (compareFlags.has(flag)) return usage({ kind: 'given-twice', flag });
      compareFlags.set(flag, value);
    } else if (arg === '--sample') {
      sample = true;
    } else if (arg === '--keep') {
      if (keep) return usage({ kind: 'given-twice', flag: '--keep' });
      keep = true;
    } else if (arg === '--template' || arg.startsWith('--template=')) {
      const value = arg === '--template' ? argv[i + 1] : arg.slice('--template='.length);
      if (value === undefined || value === '' || value.startsWith('--')) return usage({ kind: 'file-name-missing', flag: '--template' });
      if (template !== null) return usage({ kind: 'given-twice', flag: '--template' });
      template = value;
      if (arg === '--template') i++;
    } else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[i + 1] : arg.slice('--lang='.length);
      if (value === undefined || value === '' || value.startsWith('--')) return usage({ kind: 'lang-missing' });
      if (lang !== null) return usage({ kind: 'given-twice', flag: '--lang' });
      const language = value.toLowerCase();
      if (language !== 'nl' && language !== 'en') return usage({ kind: 'lang-invalid', value });
      lang = language;
      if (arg === '--lang') i++;
    } else if (arg === '--statement' || arg.startsWith('--statement=') || arg === '--statements' || arg.startsWith('--statements=')) {
      const flag = arg.split('=')[0] as string;
      const value = arg.includes('=') ? arg.slice(flag.length + 1) : argv[i + 1];
      if (!arg.includes('=')) i++;
      if (flag === '--statement') {
        if (value === undefined || value.trim() === '' || value.startsWith('--')) return usage({ kind: 'statement-missing' });
        statementCustomers.push(value);
      } else {
        if (value !== 'all' && value !== 'extremes') return usage({ kind: 'statements-invalid', value: value ?? null });
        if (statementMode !== null && statementMode !== value) return usage({ kind: 'given-twice', flag: '--statements' });
        statementMode = value;
      }
    } else if (arg === '--svg-flow' || arg.startsWith('--svg-flow=')) {
      const value = arg === '--svg-flow' ? argv[i + 1] : arg.slice('--svg-flow='.length);
      if (value === undefined || value === '' || value.startsWith('--')) return usage({ kind: 'file-name-missing', flag: '--svg-flow' });
      if (svgFlow !== null) return usage({ kind: 'given-twice', flag: '--svg-flow' });
      svgFlow = value;
      if (arg === '--svg-flow') i++;
    } else if (arg === '--svg' || arg.startsWith('--svg=')) {
      const value = arg === '--svg' ? argv[i + 1] : arg.slice('--svg='.length);
      if (value === undefined || value === '' || value.startsWith('--')) return usage({ kind: 'file-name-missing', flag: '--svg' });
      if (svg !== null) return usage({ kind: 'given-twice', flag: '--svg' });
      svg = value;
      if (arg === '--svg') i++;
    } else if (arg === '--out' || arg === '--json') {
      const value = argv[i + 1];
      if (value === undefined || value === '' || value.startsWith('--')) {
        return usage({ kind: 'file-name-missing', flag: arg });
      }
      if ((arg === '--out' ? out : json) !== null) return usage({ kind: 'given-twice', flag: arg });
      if (arg === '--out') out = value;
      else json = value;
      i++;
    } else if (arg.startsWith('--out=') || arg.startsWith('--json=')) {
      const [flag, ...rest] = arg.split('=');
      const value = rest.join('=');
      if (value === '') return usage({ kind: 'file-name-missing', flag: flag ?? '' });
      if (flag === '--out') out = value;
      else json = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return usage({ kind: 'unknown-option', option: arg });
    } else if (input !== null) {
      return usage({ kind: 'two-workbooks', first: input, second: arg });
    } else {
      input = arg;
    }
  }
  if (template !== null) {
    const others = input !== null || sample || out !== null || json !== null || svg !== null || svgFlow !== null || statementCustomers.length > 0 || statementMode !== null || volumeFlags.size > 0 || keep || compareFlags.size > 0;
    return others ? usage({ kind: 'template-alone' }) : { kind: 'template', path: template, lang: lang ?? 'en' };
  }
  if (sample && input !== null) return usage({ kind: 'workbook-and-sample' });
  if (!sample && input === null) return usage({ kind: 'no-workbook' });
  const volumes = volumeRequest(volumeFlags);
  if (volumes !== null && 'problem' in volumes) return usage(volumes.problem);
  const compare = compareRequest(compareFlags);
  if (compare !== null && 'problem' in compare) return usage(compare.problem);
  const svgBridge = compareFlags.get('--svg-bridge');
  const svgTornado = compareFlags.get('--svg-tornado');
  // `lang` only when given, so a command without it reads as it always did.
  return { kind: 'run', input, sample, out, json, ...(lang === null ? {} : { lang }), ...(svg === null ? {} : { svg }), ...(svgFlow === null ? {} : { svgFlow }),
    ...(statementCustomers.length === 0 && statementMode === null ? {} : { statements: { customers: statementCustomers, mode: statementMode } }),
    ...(volumes === null ? {} : { volumes }),
    ...(keep ? { keep } : {}),
    ...(compare === null ? {} : { compare }),
    ...(svgBridge === undefined ? {} : { svgBridge }),
    ...(svgTornado === undefined ? {} : { svgTornado }),
  };
}

/** The flags that take a value and belong to comparing periods. */
const COMPARE_FLAGS = ['--compare-period', '--compare', '--label-earlier', '--svg-bridge', '--svg-tornado'] as const;

/** `--compare` or `--compare-period` (not both); `--label-earlier` only with one of them. */
function compareRequest(flags: ReadonlyMap<string, string>): CompareRequest | { problem: UsageProblem } | null {
  const file = flags.get('--compare') ?? null;
  const period = flags.get('--compare-period')?.trim() ?? null;
  const label = flags.get('--label-earlier')?.trim() ?? null;
  if (file !== null && period !== null) return { problem: { kind: 'compare-both' } };
  if (file === null && period === null) return label === null ? null : { problem: { kind: 'label-without-compare' } };
  return { file, period, label };
}

/** The volume options together: a file or a query, `--db` only with a query, `--decimal` only with one of them. */
function volumeRequest(flags: ReadonlyMap<string, string>): VolumeRequest | { problem: UsageProblem } | null {
  const file = flags.get('--volumes');
  const sqlPath = flags.get('--volumes-sql');
  const db = flags.get('--db') ?? null;
  const decimal = (flags.get('--decimal') ?? null) as ',' | '.' | null;
  if (file !== undefined && sqlPath !== undefined) return { problem: { kind: 'volumes-and-sql' } };
  if (db !== null && sqlPath === undefined) return { problem: { kind: 'db-without-sql' } };
  if (file !== undefined) return { kind: 'file', path: file, decimal };
  if (sqlPath !== undefined) return { kind: 'sql', sqlPath, db, decimal };
  return decimal === null ? null : { problem: { kind: 'decimal-without-volumes' } };
}
