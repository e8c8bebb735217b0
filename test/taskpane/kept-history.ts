/**
 * A workbook stand-in for the pane's Keep period and Compare: ABC_History as a list of kept periods in
 * memory (keepPeriod replaces a period of the same label in place, as the real writer must), the report
 * sheets written and the cells selected. Only what Keep and Compare use is there; the rest refuses.
 */
import type { PeriodFigures } from '../../src/engine/compare/figures';
import type { KeptPeriods } from '../../src/engine/compare/kept-periods';
import type { Issue } from '../../src/engine/issues';
import { nameKey } from '../../src/engine/model';
import type { WorkbookActions, WriteOutcome } from '../../src/excel/actions';
import type { ReportSheet } from '../../src/workbook/report-types';

export class KeptHistory implements WorkbookActions {
  /** The kept periods in ABC_History's order. */
  readonly kept: Array<{ label: string; figures: PeriodFigures }> = [];
  /** Problems a hand-broken ABC_History gives on reading. */
  issues: Issue[] = [];
  readonly written: Array<{ sheets: readonly ReportSheet[]; currency: string }> = [];
  readonly selected: Array<[string, string]> = [];
  reads = 0;

  async readKeptPeriods(): Promise<KeptPeriods> {
    this.reads += 1;
    return { periods: new Map(this.kept.map((k) => [k.label, k.figures])), order: this.kept.map((k) => k.label), issues: [...this.issues] };
  }

  /** Set to play a writer that refuses a hand-broken history: nothing is kept, the issues stay. */
  refuses = false;

  async keepPeriod(figures: PeriodFigures, period: string): Promise<WriteOutcome> {
    if (this.refuses) return { sheets: [], replaced: [], syncs: 1 };
    const at = this.kept.findIndex((k) => nameKey(k.label) === nameKey(period));
    const kept = { label: period, figures: { ...figures, label: period } };
    if (at < 0) this.kept.push(kept);
    else this.kept[at] = kept;
    return { sheets: ['ABC_History'], replaced: [], syncs: 1 };
  }

  async writeReport(sheets: readonly ReportSheet[], currency: string): Promise<WriteOutcome> {
    this.written.push({ sheets, currency });
    return { sheets: sheets.map((s) => s.name), replaced: [], syncs: 1 };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected.push([sheet, cell]);
  }

  readModel(): never {
    throw new Error('KeptHistory has no model');
  }
  insertSample(): never {
    throw new Error('KeptHistory inserts no sample');
  }
  insertEmptyModel(): never {
    throw new Error('KeptHistory inserts no model');
  }
  watchModel(): never {
    throw new Error('KeptHistory watches nothing');
  }
}
