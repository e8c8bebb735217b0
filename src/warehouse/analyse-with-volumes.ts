/**
 * The runner's analysis when volumes come from a transaction file or a query instead of ABC_Volumes:
 * the workbook gives everything else, DuckDB gives the aggregated volumes, the engine does the rest.
 */
import { error, type Issue, type IssueCode } from '../engine/issues';
import { msg } from '../engine/messages';
import { nameKey } from '../engine/model';
import { runModel } from '../engine/run';
import type { Analysis } from '../workbook/analyse';
import { readContract, type ContractRangeName } from '../workbook/contract';
import type { RangeGrid } from '../workbook/grid';
import type { ReportLanguage } from '../workbook/report-layout';
import { aggregateVolumes, locatePending } from './aggregate-volumes';
import { openDuck } from './duckdb-session';
import { openSource, type VolumeSpec } from './volume-source';
import { warehouseText } from './warehouse-text';

const STRUCTURAL = new Set<IssueCode>(['MISSING_RANGE', 'MISSING_COLUMN', 'DUPLICATE_COLUMN', 'EMPTY_RANGE']);

/** The analysis, and what was read from the source for the printed note. */
export interface VolumeAnalysis extends Analysis {
  /** The source's name, its non-blank rows and the number of customer and driver totals. */
  read: { label: string; rows: number; totals: number };
}

/**
 * Reads the workbook's other ranges, then the volumes from the source (in the workbook's language when it
 * names one, else `language`), and computes. Throws VolumeSourceError when the source cannot be read at all.
 */
export async function analyseWithVolumes(grids: ReadonlyMap<ContractRangeName, RangeGrid>, spec: VolumeSpec, language: ReportLanguage): Promise<VolumeAnalysis> {
  const others = new Map(grids);
  // The workbook's ABC_Volumes, if any, is replaced, so neither its absence nor its content is a problem.
  others.delete('ABC_Volumes');
  const contract = readContract(others);
  const issues = contract.issues.filter((i) => i.where.range !== 'ABC_Volumes');
  const t = warehouseText(contract.model.settings.language ?? language);

  const session = await openDuck();
  try {
    const opened = await openSource(session, spec, t);
    if ('issues' in opened) {
      issues.push(...opened.issues);
      return finish(contract, issues, { label: opened.issues[0]?.where.range ?? '', rows: 0, totals: 0 });
    }
    const { source } = opened;
    const aggregated = await aggregateVolumes(session, source, spec.decimal, t);
    issues.push(...aggregated.issues);
    const model = { ...contract.model, volumes: aggregated.volumes, volumeDrivers: aggregated.volumeDrivers };
    const read = { label: source.label, rows: aggregated.rows, totals: aggregated.volumes.length };
    // Without valid volumes the engine would report a follow-on error for every driver.
    if (issues.some((i) => STRUCTURAL.has(i.code)) || aggregated.issues.length > 0) return finish(contract, issues, read);
    const outcome = runModel(model, issues);
    const counted = outcome.issues.map((i) => withLineCount(i, source.label, aggregated.rowsPerCustomer));
    // Lines are looked up only for what an issue shows (an unknown customer, an unused driver).
    const shown = new Set(counted.map((i) => i.where));
    await locatePending(session, source, new Map([...aggregated.pending].filter(([where]) => shown.has(where))), t);
    return { ranges: contract.ranges, issues: counted, result: outcome.result, settings: model.settings, model, read };
  } finally {
    session.close();
  }
}

function finish(contract: ReturnType<typeof readContract>, issues: Issue[], read: VolumeAnalysis['read']): VolumeAnalysis {
  return { ranges: contract.ranges, issues, result: null, settings: contract.model.settings, model: contract.model, read };
}

/**
 * The engine counts an unknown customer's volume entries, which here are totals per driver; the user
 * needs the lines of the file.
 */
function withLineCount(issue: Issue, label: string, linesPerCustomer: ReadonlyMap<string, number>): Issue {
  if (issue.code !== 'UNKNOWN_CUSTOMER' || issue.where.range !== label || issue.text.id !== 'unknownCustomer') return issue;
  const args = issue.text.args;
  let lines = 0;
  for (const [customer, n] of linesPerCustomer) if (nameKey(customer) === nameKey(args.customer)) lines += n;
  return error('UNKNOWN_CUSTOMER', msg('unknownCustomer', { ...args, rows: lines }), issue.where);
}
