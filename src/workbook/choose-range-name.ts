/**
 * Which defined name stands for a contract range, the same rule for both hosts (the .xlsx runner and the
 * add-in): a workbook-scoped name wins; else a name scoped to exactly one worksheet; names scoped to
 * several sheets and none to the workbook are an error, never a silent pick. With no name at all the
 * host falls back to an Excel table of that name. See "Where a range's name is found" in
 * docs/workbook-contract.md.
 */
import { error, type Issue, quoteSheet } from '../engine/issues';
import { msg } from '../engine/messages';

/** A defined name as the host found it. */
export interface NameCandidate {
  /** The name as spelled in the workbook. */
  name: string;
  /** The worksheet the name is scoped to (`localSheetId`, `worksheet.names`); null for workbook scope. */
  scopeSheet: string | null;
  /** What the name refers to, e.g. `=Volumes!$A$1:$D$90`. */
  formula: string;
}

/** The candidate to read, the reason none can be, or null when the workbook has no such name. */
export type RangeNameChoice<C extends NameCandidate> = { chosen: C } | { issue: Issue } | null;

/** Names compare as Excel compares them: case-insensitively. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Chooses the defined name for one contract range (`contractName`, e.g. `ABC_Volumes`) among the
 * candidates; candidates with another name are ignored, so a host may pass every name it found. A
 * workbook-scoped name wins even when sheets have their own (Excel resolves the name that way from every
 * other sheet). Several sheet-scoped names and no workbook-scoped one give AMBIGUOUS_RANGE_NAME, naming
 * the sheets. Null means no name: the host then looks for a table.
 */
export function chooseRangeName<C extends NameCandidate>(contractName: string, candidates: readonly C[]): RangeNameChoice<C> {
  const matching = candidates.filter((c) => sameName(c.name, contractName));
  const workbookScoped = matching.find((c) => c.scopeSheet === null);
  if (workbookScoped !== undefined) return { chosen: workbookScoped };

  // One per sheet: a file that lists a sheet's name twice still has one sheet with it.
  const perSheet: C[] = [];
  for (const c of matching) {
    if (!perSheet.some((p) => sameName(p.scopeSheet ?? '', c.scopeSheet ?? ''))) perSheet.push(c);
  }
  const [only, ...others] = perSheet;
  if (only === undefined) return null;
  if (others.length === 0) return { chosen: only };

  const sheets = perSheet.map((c) => c.scopeSheet ?? '');
  return {
    issue: error('AMBIGUOUS_RANGE_NAME', msg('ambiguousRangeName', { name: only.name, sheets }), {
      range: contractName,
      // How Excel writes a sheet-scoped name (`Jan!ABC_Volumes`): it can be pasted into the Name Box.
      value: perSheet.map((c) => `${quoteSheet(c.scopeSheet ?? '')}!${c.name}`).join(', '),
    }),
  };
}
