/**
 * What the task pane can ask of the workbook. The Office.js gateway implements it; the task pane only
 * sees this interface (through props), so its components never touch `Excel` and tests can stand in.
 * No Office.js types appear here.
 */
import type { PeriodFigures } from '../engine/compare/figures';
import type { KeptPeriods } from '../engine/compare/kept-periods';
import type { Issue } from '../engine/issues';
import type { SampleSheet } from '../sample';
import type { ContractRangeName } from '../workbook/contract';
import type { RangeGrid } from '../workbook/grid';
import type { ReportSheet } from '../workbook/report-types';

/** The stages of a refresh (and of an import, which reads a file first), for the progress bar. */
export type Stage = 'importing' | 'reading' | 'computing' | 'writing';

/** How far a long step is: `done` of `total` rows (or cells for formats). */
export interface Progress {
  stage: Stage;
  done: number;
  total: number;
  /** While importing: `done` and `total` are bytes of the file, and `rows` the rows read so far. */
  rows?: number;
}

/** Options of a long action. */
export interface ActionOptions {
  /** Cancel: checked between chunks; a cancelled write leaves the workbook as it was. */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** The session writing (temp-mark.ts); this pane's own when absent. Tests give two to play two co-authors. */
  session?: string;
}

/**
 * A read of the model that may reuse an earlier one: the ranges not in `changed` whose name or table still
 * covers exactly the same cells are taken from `outcome` instead of being read again.
 */
export interface PreviousRead {
  outcome: ReadOutcome;
  changed: ReadonlySet<ContractRangeName>;
}

/** Options of a read of the model. */
export interface ReadOptions extends ActionOptions {
  /** Set by the pane for a read that follows an edit: the ranges the watch saw unchanged may be reused. */
  partial?: boolean;
  /** What may be reused (set by whoever keeps the last read: follow-model.ts); absent: read every range. */
  reuse?: PreviousRead;
}

/** The contract's ranges as found in the workbook. */
export interface ReadOutcome {
  grids: Map<ContractRangeName, RangeGrid>;
  /** Names that exist but cannot be read (a name that is not a range, a deleted sheet). */
  issues: Issue[];
  /** Contract names reported in `issues`, which the contract must not also call missing. */
  broken: ContractRangeName[];
  /**
   * Customer ids of the statement sheets an earlier run left in the workbook (by their owner marks), so a
   * Refresh writes them again rather than leave old figures on them. Absent: none known.
   */
  statements?: string[];
  /** Number of `context.sync()` calls made, for the curious and the tests. */
  syncs: number;
  /** Where each range was read from (name, sheet, position, extent), to tell later whether it moved. */
  extents?: Map<ContractRangeName, string>;
  /** Ranges taken from the previous read rather than read again (absent: none). */
  reused?: ContractRangeName[];
}

/** What a write did. */
export interface WriteOutcome {
  /** Sheet names written. */
  sheets: string[];
  /** Earlier report sheets of the add-in that were replaced. */
  replaced: string[];
  syncs: number;
  /** Report sheets whose AutoFilter criteria and sort were cleared before they were written over (absent: none). */
  filtersCleared?: string[];
  /**
   * Number formats Excel did not keep (a host of another region garbled them and they could not be set in
   * its local form), each code once per sheet (absent: none). The cells hold the right numbers; only their look is off.
   */
  formatsNotSet?: Array<{ sheet: string; code: string }>;
}

/** A running watch of the model's cells: `relocate` re-finds the ranges after the model moved, `stop` ends it. */
export interface ModelWatch {
  relocate(): Promise<void>;
  stop(): Promise<void>;
}

/** Language of the sheet names and headers of a new empty model. */
export type ModelLanguage = 'en' | 'nl';

/** The workbook, as the task pane uses it. */
export interface WorkbookActions {
  /** Reads every range of the contract (named range first, then table of the same name). */
  readModel(options?: ReadOptions): Promise<ReadOutcome>;
  /** Writes the report sheets, replacing only report sheets the add-in created before. */
  writeReport(sheets: readonly ReportSheet[], currency: string, options?: ActionOptions): Promise<WriteOutcome>;
  /** Writes the sample model's sheets with a workbook-scoped name over each range. */
  insertSample(sheets: readonly SampleSheet[], options?: ActionOptions): Promise<WriteOutcome>;
  /** Writes the contract's ranges as empty tables with their headers. */
  insertEmptyModel(language: ModelLanguage, options?: ActionOptions): Promise<WriteOutcome>;
  /**
   * Writes imported volumes on a new sheet and points `ABC_Volumes` at them (write-volumes.ts). Optional,
   * so stand-ins that do not import are still WorkbookActions.
   */
  writeVolumes?(table: VolumesTable, options?: ActionOptions): Promise<WriteOutcome>;
  /**
   * Reads the periods kept in `ABC_History` (issue 20), in their order there; a hand-broken history gives
   * issues (with their cells), never a failure. Optional, so stand-ins without a history are still WorkbookActions.
   */
  readKeptPeriods?(options?: ActionOptions): Promise<KeptPeriods>;
  /**
   * Keeps this period's figures in `ABC_History` under `period` (the model's Period setting); a period kept
   * before under the same label is replaced, never kept twice. Optional as `readKeptPeriods` is.
   */
  keepPeriod?(figures: PeriodFigures, period: string, options?: ActionOptions): Promise<WriteOutcome>;
  /** Selects a cell (e.g. `B7`) on a sheet, activating the sheet. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Calls `onChange` with the contract ranges touched whenever the user changes a cell of a contract range
   * (not for the add-in's own writes where Excel tells them apart) or Excel recalculates one; see
   * watch-model.ts. Resolves once watching has started.
   */
  watchModel(onChange: (ranges: ContractRangeName[]) => void): Promise<ModelWatch>;
}

/** What to write: the table (headers, then one row per customer and driver) and the note beside it. */
export interface VolumesTable {
  /** The sheet's name (in the pane's language). */
  sheet: string;
  headers: [string, string, string];
  /** Customer, driver and quantity: a number when it is exact as one, else its exact decimal text. */
  rows: Array<[string, string, number | string]>;
  /** Label and value lines of the note, written from column E. */
  note: Array<[string, string | number]>;
}
