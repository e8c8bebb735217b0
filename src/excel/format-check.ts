/// <reference types="office-js" />
/**
 * Checks that Excel kept the number formats a write set, and sets again, in the host's local form, the
 * ones it garbled. `Range.numberFormat` takes the invariant (en-US) code, yet Excel for Mac with a German
 * region read `#,##0.00` with its own separators and showed amounts as `###,##000`
 * (https://github.com/OfficeDev/office-js/issues/1553); `Range.numberFormatLocal` (ExcelApi 1.7) took the
 * same code right in the host's separators. A controller must never see a silently wrong-looking amount.
 *
 * No sync of its own on a host that keeps the codes: the separators (ExcelApi 1.11, loaded only where the
 * host has it) and one cell per code and sheet are loaded in syncs the write makes anyway. Only codes a
 * region's separators can garble (those with a bare `.` or `,`) are checked. Where a code came back
 * otherwise, one more sync writes its cells with `numberFormatLocal` and reads them again; a code that is
 * still wrong, or cannot be set locally (no ExcelApi 1.11 to learn the separators, a date code), is
 * returned for the pane to name.
 */
import { type FormatSeparators, hasSeparators, sameFormatCode, toLocalFormatCode } from '../workbook/local-format-code';
import { type SyncCounter } from './context';
import { toGatewayError } from './errors';
import type { SupportsSet } from './watch-model';

/** A number format Excel did not keep on a sheet. */
export interface FormatFailure {
  sheet: string;
  code: string;
}

/** Cells of one code on a sheet, in runs down each column; `probe` is loaded to see what Excel kept. */
interface Probe {
  sheet: string;
  code: string;
  runs: Array<{ row: number; column: number; rows: number }>;
  probe: Excel.Range;
}

/** The separators a local code uses: Excel's own where the user set them, else the system's. */
interface SeparatorLoad {
  application: Excel.Application;
  culture: Excel.NumberFormatInfo;
}

/** One write's check; see the module comment. */
export class NumberFormatCheck {
  private readonly probes: Probe[] = [];
  private readonly load: SeparatorLoad | null;

  /** Queues the load of the host's separators where it has ExcelApi 1.11; the caller's next sync brings them. */
  constructor(context: Excel.RequestContext, supports: SupportsSet) {
    if (!supports('ExcelApi', '1.11')) {
      this.load = null;
      return;
    }
    const application = context.application.load('decimalSeparator,thousandsSeparator,useSystemSeparators');
    const culture = context.application.cultureInfo.numberFormat.load('numberDecimalSeparator,numberGroupSeparator');
    this.load = { application, culture };
  }

  /**
   * Queues the load of one cell per code at risk of the formats just written on `sheet` (`formats` as
   * sent, from the 0-based `origin`); the caller's next sync brings them. Call after the formats' syncs.
   */
  probe(context: Excel.RequestContext, sheet: string, formats: ReadonlyArray<ReadonlyArray<string>>, origin = { rowIndex: 0, columnIndex: 0 }): void {
    const ws = context.workbook.worksheets.getItem(sheet);
    const byCode = new Map<string, Probe['runs']>();
    const width = Math.max(0, ...formats.map((r) => r.length));
    for (let c = 0; c < width; c++) {
      for (let r = 0; r < formats.length; r++) {
        const code = formats[r]?.[c];
        if (code === undefined || !hasSeparators(code)) continue;
        const runs = byCode.get(code) ?? [];
        byCode.set(code, runs);
        const last = runs[runs.length - 1];
        if (last !== undefined && last.column === origin.columnIndex + c && last.row + last.rows === origin.rowIndex + r) last.rows++;
        else runs.push({ row: origin.rowIndex + r, column: origin.columnIndex + c, rows: 1 });
      }
    }
    for (const [code, runs] of byCode) {
      const first = runs[0];
      if (first === undefined) continue;
      const probe = ws.getRangeByIndexes(first.row, first.column, 1, 1).load('numberFormat');
      this.probes.push({ sheet, code, runs, probe });
    }
  }

  /**
   * After the probes' sync: the codes Excel garbled are written again in the local form and read back, in
   * one sync (none when every code was kept). Returns the codes still wrong, by the sheet they were
   * probed on. Cancel, a lost connection or a timeout during that sync end the write as usual.
   */
  async settle(context: Excel.RequestContext, counter: SyncCounter): Promise<FormatFailure[]> {
    // A probe queued into a sync that failed and was retried in parts (a GeneralException on size) was
    // never answered: read those again, in a sync of their own that only that rare path costs.
    const unanswered = this.probes.filter((p) => !answered(p.probe));
    if (unanswered.length > 0) {
      for (const p of unanswered) {
        const first = p.runs[0] as Probe['runs'][number];
        p.probe = context.workbook.worksheets.getItem(p.sheet).getRangeByIndexes(first.row, first.column, 1, 1).load('numberFormat');
      }
      await counter.sync(context);
    }
    const garbled = this.probes.filter((p) => !kept(p.probe, p.code));
    if (garbled.length === 0) return [];
    const separators = this.separators();
    const failures: FormatFailure[] = [];
    const retried: Probe[] = [];
    for (const p of garbled) {
      const local = separators === null ? null : toLocalFormatCode(p.code, separators);
      if (local === null) {
        failures.push({ sheet: p.sheet, code: p.code });
        continue;
      }
      const ws = context.workbook.worksheets.getItem(p.sheet);
      for (const run of p.runs) {
        ws.getRangeByIndexes(run.row, run.column, run.rows, 1).numberFormatLocal = Array.from({ length: run.rows }, () => [local]);
      }
      const first = p.runs[0] as Probe['runs'][number];
      retried.push({ ...p, probe: ws.getRangeByIndexes(first.row, first.column, 1, 1).load('numberFormat') });
    }
    if (retried.length === 0) return failures;
    try {
      await counter.sync(context);
    } catch (err) {
      // A host that refuses the local code (InvalidArgument) leaves those cells as they were: named below.
      if (toGatewayError(err).kind !== 'unknown') throw err;
      return [...failures, ...retried.map((p) => ({ sheet: p.sheet, code: p.code }))];
    }
    return [...failures, ...retried.filter((p) => !kept(p.probe, p.code)).map((p) => ({ sheet: p.sheet, code: p.code }))];
  }

  /** The separators of local codes, once loaded; null on a host without ExcelApi 1.11. */
  private separators(): FormatSeparators | null {
    if (this.load === null) return null;
    const { application, culture } = this.load;
    return application.useSystemSeparators
      ? { decimal: culture.numberDecimalSeparator, group: culture.numberGroupSeparator }
      : { decimal: application.decimalSeparator, group: application.thousandsSeparator };
  }
}

/** True when the probe's load was answered (reading an unloaded property throws PropertyNotLoaded). */
function answered(probe: Excel.Range): boolean {
  try {
    return Array.isArray(probe.numberFormat);
  } catch {
    return false;
  }
}

/** True when the loaded cell shows the code written. */
function kept(probe: Excel.Range, code: string): boolean {
  const read: unknown = probe.numberFormat[0]?.[0];
  return typeof read === 'string' && sameFormatCode(code, read);
}
