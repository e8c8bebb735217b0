/**
 * Periods kept in the workbook's `ABC_History` (issue 20): what the Compare view, `--compare-period` and
 * ABC.PROFIT / ABC.CHANGE read back. A broken history gives issues, never a stopped run.
 */
import type { Issue } from '../issues';
import type { PeriodFigures } from './figures';

/** The kept periods by label (labels compare as text), in the order they appear in `ABC_History`. */
export interface KeptPeriods {
  periods: ReadonlyMap<string, PeriodFigures>;
  order: readonly string[];
  issues: Issue[];
}

/** No period kept. */
export const NO_KEPT_PERIODS: KeptPeriods = { periods: new Map(), order: [], issues: [] };
