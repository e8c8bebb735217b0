/**
 * What the runner prints, in English and in Dutch: one typed catalogue per language, so a text missing in
 * Dutch is a compile error (as with the problem messages and the report sheets). The report's language
 * (`--lang`, or the workbook's Language setting) chooses it. The JSON output stays English.
 */
import type { ReportLanguage } from '../workbook/report-text';
import type { UsageProblem } from './args';
import { HELP_EN, HELP_NL } from './help-text';
import { compareText } from './compare-text';
import type { NotAFile } from './output-targets';

/** One language's texts of the runner. */
export interface CliText {
  /** How numbers are written on the console: thousands separator and decimal mark. */
  numbers: { thousands: string; decimal: string };
  notApplicable: string;

  error: string;
  warning: string;
  /** Before a problem's location. */
  at: string;
  errorsInModel: (n: number) => string;
  warningsHeading: (n: number) => string;

  totals: (currency: string, period: string | null) => string;
  revenue: string;
  netRevenue: string;
  grossMargin: string;
  costToServe: string;
  directCosts: string;
  customersNetProfit: string;
  unusedCapacity: string;
  unassignedCost: string;
  operatingProfit: string;

  reconciliation: string;
  /** Amounts are already formatted. */
  companyReconciliation: (a: { customerProfit: string; unused: string; unassigned: string; operatingProfit: string; difference: string | null }) => string;
  poolsReconcile: (pools: number) => string;
  poolsNotReconciling: (list: string) => string;

  /** The first stage (ledger and support pools); amounts already formatted. */
  firstStage: {
    heading: (method: string) => string;
    methods: Readonly<Record<'reciprocal' | 'step-down' | 'direct', string>>;
    ledgerTotal: (amount: string, accounts: number) => string;
    supportPassed: (list: string) => string;
    afterSupport: (methods: string) => string;
    reconcile: (a: { amounts: string; operatingProfit: string; difference: string | null }) => string;
  };

  customers: (n: number, lossMaking: number, share: string) => string;
  mostProfitable: string;
  leastProfitable: string;

  reportWritten: (out: string, json: string | null) => string;
  /** `--keep`: the period kept, its customers and the table's rows, and whether an earlier copy was replaced. */
  keptPeriod: (period: string, customers: number, rows: number, replaced: boolean) => string;
  noReportWritten: (json: string | null) => string;
  unexpectedFailure: (detail: string) => string;
  noWorkbook: string;

  /** What a file is, in "Cannot write the … <path>". */
  files: { report: string; json: string; sample: string; svg: string; svgFlow: string; svgBridge: string; svgTornado: string; template: string };
  /** `--template` onto a file that exists: an empty model must never replace a workbook. */
  templateExists: (path: string) => string;
  templateWritten: (path: string) => string;
  cannotWrite: (what: string, path: string, reason: string | null, code: string | null) => string;
  /** Why a write failed, by the operating system's error code. */
  writeFailures: Readonly<Record<string, string>>;

  macrosNeedXlsm: (out: string) => string;
  noMacrosNeedXlsx: (out: string) => string;
  outIsInput: (out: string, input: string) => string;
  jsonIsInput: (json: string, input: string) => string;
  jsonIsReport: (json: string, out: string) => string;
  svgIsInputOrReport: (svg: string, flag?: string) => string;
  /** `--svg-flow` on a model with neither ABC_Resources nor ABC_Support. */
  noCostFlow: (path: string) => string;
  noTornado: (path: string) => string;
  /** An existing output that is a device, pipe, socket or folder. */
  outputNotAFile: (flag: string, path: string, kind: NotAFile) => string;

  /** The --help text. */
  help: string;
  /** A usage error's sentence. */
  usage: (problem: UsageProblem) => string;
  /** After a usage error's sentence. */
  runWithHelp: string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const CLI_TEXT_EN: CliText = {
  numbers: { thousands: ',', decimal: '.' },
  notApplicable: 'n/a',

  error: 'ERROR',
  warning: 'warning',
  at: 'at',
  errorsInModel: (n) => `${plural(n, 'error', 'errors')} in the model:`,
  warningsHeading: (n) => `${plural(n, 'warning', 'warnings')}:`,

  totals: (currency, period) => `Totals (${currency}${period === null ? '' : `, period ${period}`}):`,
  revenue: 'Revenue',
  netRevenue: 'Net revenue',
  grossMargin: 'Gross margin',
  costToServe: 'Cost to serve',
  directCosts: 'Direct customer costs',
  customersNetProfit: 'Net profit of customers',
  unusedCapacity: 'Unused capacity',
  unassignedCost: 'Cost not charged to customers',
  operatingProfit: 'Operating profit',

  reconciliation: 'Reconciliation:',
  companyReconciliation: (a) =>
    `Customer net profit ${a.customerProfit} - unused capacity ${a.unused} - not charged to customers ${a.unassigned} = operating profit ${a.operatingProfit}: ${
      a.difference === null ? 'OK' : `DIFFERENCE ${a.difference}`
    }`,
  poolsReconcile: (pools) => `Every pool's cost = activities + unused capacity + shares left over (${pools} pools): OK`,
  poolsNotReconciling: (list) => `Pools not reconciling: ${list}`,

  firstStage: {
    heading: (method) => `Ledger and support departments (method: ${method}):`,
    methods: { reciprocal: 'reciprocal', 'step-down': 'step-down', direct: 'direct' },
    ledgerTotal: (amount, accounts) => `Ledger total ${amount}${accounts > 0 ? ` (${accounts} accounts)` : ''}`,
    supportPassed: (list) => `Support pools pass on: ${list}`,
    afterSupport: (methods) => `Operating pools' cost after support (${methods}):`,
    reconcile: (a) =>
      `Net revenue - COGS - direct customer costs - rate charges - ledger total = ${a.amounts} = operating profit ${a.operatingProfit}: ${a.difference === null ? 'OK' : `DIFFERENCE ${a.difference}`}`,
  },

  customers: (n, lossMaking, share) => `Customers: ${n}, of which ${lossMaking} loss-making (${share}).`,
  mostProfitable: 'Most profitable customers:',
  leastProfitable: 'Least profitable customers:',

  reportWritten: (out, json) => `Report written to ${out}${json === null ? '' : `, JSON to ${json}`}.`,
  keptPeriod: (period, customers, rows, replaced) =>
    `Kept period ${period}: ${customers.toLocaleString('en-US')} customers, ${rows.toLocaleString('en-US')} rows in ABC_History${replaced ? ' (replaced the earlier copy)' : ''}`,
  noReportWritten: (json) => `No report written${json === null ? '' : `; the problems are also in ${json}`}.`,
  unexpectedFailure: (detail) => `Unexpected failure: ${detail}`,
  noWorkbook: 'No workbook given.',

  files: { report: 'report workbook', json: 'JSON file', sample: 'sample workbook', svg: 'whale-curve picture', svgFlow: 'cost-flow picture', svgBridge: 'profit-bridge picture', svgTornado: 'tornado picture', template: 'empty model' },
  templateExists: (path) => `--template ${path} exists; the empty model is never written over a file. Give a new file name.`,
  templateWritten: (path) => `Empty model written to ${path}: fill in the yellow cells, then run npm run cost -- ${path}.`,
  cannotWrite: (what, path, reason, code) =>
    code === null
      ? `Cannot write the ${what} ${path}: ${reason ?? ''}.`
      : reason === null
        ? `Cannot write the ${what} ${path} (${code}).`
        : `Cannot write the ${what} ${path}: ${reason} (${code}).`,
  writeFailures: {
    ENOSPC: 'the disk is full; free some space and run again',
    EDQUOT: 'the disk quota is used up; free some space and run again',
    EROFS: 'the disk is read-only',
    EACCES: 'permission denied',
    EPERM: 'permission denied (is the file open in another program?)',
    EBUSY: 'the file is in use (is it open in Excel?)',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a part of the path is a file, not a folder',
    ENAMETOOLONG: 'the name is too long',
    EIO: 'the disk reported an input/output error',
    ENOTREGULAR: 'it is not a file but a device, pipe, socket or folder',
  },

  macrosNeedXlsm: (out) =>
    `The workbook has macros (VBA), which its report keeps, so the report must be named .xlsm; --out ${out} ends in .xlsx.`,
  noMacrosNeedXlsx: (out) => `The workbook has no macros, so its report must be named .xlsx; --out ${out} ends in .xlsm.`,
  outIsInput: (out, input) => `--out ${out} is the input workbook ${input}; the input is never overwritten.`,
  jsonIsInput: (json, input) => `--json ${json} is the input workbook ${input}; the input is never overwritten.`,
  jsonIsReport: (json, out) => `--json ${json} and the report ${out} are the same file; give them different names.`,
  svgIsInputOrReport: (svg, flag = '--svg') => `${flag} ${svg}: that is the workbook or the report; give the picture its own file name.`,
  noTornado: (path) => `--svg-tornado ${path}: not written: no estimate has a range (Low/High in ABC_Activities, or the DefaultRange setting), so there is no tornado to draw.`,
  noCostFlow: (path) => `--svg-flow ${path}: not written: the model has no ledger (ABC_Resources) and no support pools (ABC_Support), so there is no cost flow to draw.`,
  outputNotAFile: (flag, path, kind) =>
    `${flag} ${path} is ${{ device: 'a device', 'named-pipe': 'a named pipe (FIFO)', socket: 'a socket', folder: 'a folder' }[kind]}, not a file; nothing was written. Give the name of a file.`,

  help: HELP_EN,
  usage: (p) => {
    switch (p.kind) {
      case 'lang-missing':
        return '--lang needs a language: nl or en.';
      case 'lang-invalid':
        return `--lang must be nl or en; got ${p.value}.`;
      case 'statement-missing':
        return '--statement needs a customer id or name.';
      case 'statements-invalid':
        return `--statements must be all or extremes; got ${p.value ?? 'nothing'}.`;
      case 'file-name-missing':
        return `${p.flag} needs a file name.`;
      case 'given-twice':
        return `${p.flag} is given twice.`;
      case 'unknown-option':
        return `Unknown option ${p.option}.`;
      case 'two-workbooks':
        return `Only one workbook can be given (got ${p.first} and ${p.second}).`;
      case 'workbook-and-sample':
        return 'Give either a workbook or --sample, not both.';
      case 'no-workbook':
        return 'No workbook given.';
      case 'decimal-invalid':
        return `--decimal must be , or . (the decimal mark of the volume file); got ${p.value ?? 'nothing'}.`;
      case 'volumes-and-sql':
        return 'Give either --volumes or --volumes-sql, not both.';
      case 'db-without-sql':
        return '--db names the database for --volumes-sql; give that too.';
      case 'decimal-without-volumes':
        return '--decimal applies to --volumes or --volumes-sql; give one of them.';
      case 'template-alone':
        return '--template writes an empty model and takes only --lang; give no workbook, --sample or other options with it.';
      case 'value-missing':
        return compareText('en').valueMissing(p.flag);
      case 'compare-both':
        return compareText('en').bothSources;
      case 'label-without-compare':
        return compareText('en').labelWithoutCompare;
    }
  },
  runWithHelp: 'Run with --help for usage.',
};

export const CLI_TEXT_NL: CliText = {
  numbers: { thousands: '.', decimal: ',' },
  notApplicable: 'n.v.t.',

  error: 'FOUT',
  warning: 'waarschuwing',
  at: 'op',
  errorsInModel: (n) => `${plural(n, 'fout', 'fouten')} in het model:`,
  warningsHeading: (n) => `${plural(n, 'waarschuwing', 'waarschuwingen')}:`,

  totals: (currency, period) => `Totalen (${currency}${period === null ? '' : `, periode ${period}`}):`,
  revenue: 'Omzet',
  netRevenue: 'Netto-omzet',
  grossMargin: 'Brutomarge',
  costToServe: 'Bedieningskosten',
  directCosts: 'Directe klantkosten',
  customersNetProfit: 'Nettowinst van de klanten',
  unusedCapacity: 'Onbenutte capaciteit',
  unassignedCost: 'Niet aan klanten toegerekende kosten',
  operatingProfit: 'Bedrijfsresultaat',

  reconciliation: 'Aansluiting:',
  companyReconciliation: (a) =>
    `Nettowinst klanten ${a.customerProfit} - onbenutte capaciteit ${a.unused} - niet aan klanten toegerekend ${a.unassigned} = bedrijfsresultaat ${a.operatingProfit}: ${
      a.difference === null ? 'OK' : `VERSCHIL ${a.difference}`
    }`,
  poolsReconcile: (pools) =>
    `Kosten van elke kostenpool = activiteiten + onbenutte capaciteit + restant aandelen (${plural(pools, 'kostenpool', 'kostenpools')}): OK`,
  poolsNotReconciling: (list) => `Kostenpools die niet aansluiten: ${list}`,

  firstStage: {
    heading: (method) => `Grootboek en ondersteunende afdelingen (methode: ${method}):`,
    methods: { reciprocal: 'wederzijds', 'step-down': 'stapsgewijs', direct: 'direct' },
    ledgerTotal: (amount, accounts) => `Totaal grootboek ${amount}${accounts > 0 ? ` (${accounts} rekeningen)` : ''}`,
    supportPassed: (list) => `Ondersteunende kostenpools belasten door: ${list}`,
    afterSupport: (methods) => `Kosten van de operationele kostenpools na doorbelasting (${methods}):`,
    reconcile: (a) =>
      `Netto-omzet - kostprijs - directe klantkosten - tarieven - totaal grootboek = ${a.amounts} = bedrijfsresultaat ${a.operatingProfit}: ${a.difference === null ? 'OK' : `VERSCHIL ${a.difference}`}`,
  },

  customers: (n, lossMaking, share) => `Klanten: ${n}, waarvan ${lossMaking} verlieslatend (${share}).`,
  mostProfitable: 'Meest winstgevende klanten:',
  leastProfitable: 'Minst winstgevende klanten:',

  reportWritten: (out, json) => `Rapport geschreven naar ${out}${json === null ? '' : `, JSON naar ${json}`}.`,
  keptPeriod: (period, customers, rows, replaced) =>
    `Periode ${period} bewaard: ${customers.toLocaleString('nl-NL')} klanten, ${rows.toLocaleString('nl-NL')} rijen in ABC_History${replaced ? ' (de eerdere kopie vervangen)' : ''}`,
  noReportWritten: (json) => `Geen rapport geschreven${json === null ? '' : `; de problemen staan ook in ${json}`}.`,
  unexpectedFailure: (detail) => `Onverwachte fout: ${detail}`,
  noWorkbook: 'Geen werkmap opgegeven.',

  files: { report: 'de rapportwerkmap', json: 'het JSON-bestand', sample: 'de voorbeeldwerkmap', svg: 'de walviscurve-afbeelding', svgFlow: 'de kostenstroom-afbeelding', svgBridge: 'de winstbrug-afbeelding', svgTornado: 'de tornado-afbeelding', template: 'het lege model' },
  templateExists: (path) => `--template ${path} bestaat al; het lege model wordt nooit over een bestand geschreven. Geef een nieuwe bestandsnaam.`,
  templateWritten: (path) => `Leeg model geschreven naar ${path}: vul de gele cellen in en reken dan met npm run cost -- ${path} --lang nl.`,
  cannotWrite: (what, path, reason, code) =>
    code === null
      ? `Kan ${what} ${path} niet schrijven: ${reason ?? ''}.`
      : reason === null
        ? `Kan ${what} ${path} niet schrijven (${code}).`
        : `Kan ${what} ${path} niet schrijven: ${reason} (${code}).`,
  writeFailures: {
    ENOSPC: 'de schijf is vol; maak ruimte vrij en probeer het opnieuw',
    EDQUOT: 'het schijfquotum is op; maak ruimte vrij en probeer het opnieuw',
    EROFS: 'de schijf is alleen-lezen',
    EACCES: 'geen toestemming',
    EPERM: 'geen toestemming (is het bestand geopend in een ander programma?)',
    EBUSY: 'het bestand is in gebruik (is het geopend in Excel?)',
    EISDIR: 'het is een map',
    ENOTDIR: 'een deel van het pad is een bestand, geen map',
    EEXIST: 'een deel van het pad is een bestand, geen map',
    ENAMETOOLONG: 'de naam is te lang',
    EIO: 'de schijf meldde een invoer-/uitvoerfout',
    ENOTREGULAR: 'het is geen bestand maar een apparaat, pipe, socket of map',
  },

  macrosNeedXlsm: (out) =>
    `De werkmap bevat macro's (VBA), die het rapport behoudt, dus het rapport moet op .xlsm eindigen; --out ${out} eindigt op .xlsx.`,
  noMacrosNeedXlsx: (out) => `De werkmap bevat geen macro's, dus het rapport moet op .xlsx eindigen; --out ${out} eindigt op .xlsm.`,
  outIsInput: (out, input) => `--out ${out} is de invoerwerkmap ${input}; de invoer wordt nooit overschreven.`,
  jsonIsInput: (json, input) => `--json ${json} is de invoerwerkmap ${input}; de invoer wordt nooit overschreven.`,
  jsonIsReport: (json, out) => `--json ${json} en het rapport ${out} zijn hetzelfde bestand; geef ze verschillende namen.`,
  svgIsInputOrReport: (svg, flag = '--svg') => `${flag} ${svg}: dat is de werkmap of het rapport; geef de afbeelding een eigen bestandsnaam.`,
  noTornado: (path) => `--svg-tornado ${path}: niet geschreven: geen enkele schatting heeft een bandbreedte (Laag/Hoog in ABC_Activities, of de instelling Standaardbandbreedte), dus er is geen tornado te tekenen.`,
  noCostFlow: (path) => `--svg-flow ${path}: niet geschreven: het model heeft geen grootboek (ABC_Resources) en geen ondersteunende kostenpools (ABC_Support), dus er is geen kostenstroom te tekenen.`,
  outputNotAFile: (flag, path, kind) =>
    `${flag} ${path} is ${{ device: 'een apparaat', 'named-pipe': 'een named pipe (FIFO)', socket: 'een socket', folder: 'een map' }[kind]}, geen bestand; er is niets geschreven. Geef de naam van een bestand.`,

  help: HELP_NL,
  usage: (p) => {
    switch (p.kind) {
      case 'lang-missing':
        return '--lang heeft een taal nodig: nl of en.';
      case 'lang-invalid':
        return `--lang moet nl of en zijn; er staat ${p.value}.`;
      case 'statement-missing':
        return '--statement heeft een klantnummer of klantnaam nodig.';
      case 'statements-invalid':
        return `--statements moet all of extremes zijn; er staat ${p.value ?? 'niets'}.`;
      case 'file-name-missing':
        return `${p.flag} heeft een bestandsnaam nodig.`;
      case 'given-twice':
        return `${p.flag} is twee keer opgegeven.`;
      case 'unknown-option':
        return `Onbekende optie ${p.option}.`;
      case 'two-workbooks':
        return `Er kan maar één werkmap worden opgegeven (opgegeven: ${p.first} en ${p.second}).`;
      case 'workbook-and-sample':
        return 'Geef een werkmap of --sample op, niet allebei.';
      case 'no-workbook':
        return 'Geen werkmap opgegeven.';
      case 'decimal-invalid':
        return `--decimal moet , of . zijn (het decimaalteken van het volumebestand); er staat ${p.value ?? 'niets'}.`;
      case 'volumes-and-sql':
        return 'Geef --volumes of --volumes-sql op, niet allebei.';
      case 'db-without-sql':
        return '--db noemt de database voor --volumes-sql; geef die ook op.';
      case 'decimal-without-volumes':
        return '--decimal hoort bij --volumes of --volumes-sql; geef een van beide op.';
      case 'template-alone':
        return '--template schrijft een leeg model en kent alleen --lang; geef er geen werkmap, --sample of andere opties bij.';
      case 'value-missing':
        return compareText('nl').valueMissing(p.flag);
      case 'compare-both':
        return compareText('nl').bothSources;
      case 'label-without-compare':
        return compareText('nl').labelWithoutCompare;
    }
  },
  runWithHelp: 'Gebruik --help voor uitleg.',
};

/** The runner's texts in a language. */
export function cliText(language: ReportLanguage): CliText {
  return language === 'nl' ? CLI_TEXT_NL : CLI_TEXT_EN;
}
