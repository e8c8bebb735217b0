/**
 * What the pane's "Cost flow" section shows of a result with a first stage, as plain data that crosses the
 * worker boundary: the picture (the runner's `--svg-flow` file, one routine) and per operating pool its
 * cost after support under each method, so the reader sees how much the choice of method matters.
 */
import { toNumber } from '../engine/decimal';
import type { CostingResult } from '../engine/result';
import type { SupportMethod } from '../engine/support/types';
import { costFlowSvg } from '../workbook/flow-svg';
import type { ReportLanguage } from '../workbook/report-text';

export interface MethodsRow {
  pool: string;
  byMethod: Record<SupportMethod, number>;
  /** The largest minus the smallest of the three: how much the choice of method moves this pool's cost. */
  difference: number;
}

export interface CostFlowView {
  /** The SVG document (with its XML declaration), every text in it escaped. */
  svg: string;
  method: SupportMethod;
  pools: MethodsRow[];
}

/** The view of a result's cost flow in `language`; null without a first stage. */
export function costFlowView(result: CostingResult, language: ReportLanguage): CostFlowView | null {
  const stage = result.firstStage;
  const svg = costFlowSvg(result, language);
  if (stage === undefined || svg === null) return null;
  const pools = stage.pools
    .filter((p) => p.role === 'operating')
    .map((p) => {
      const byMethod = { reciprocal: toNumber(p.byMethod.reciprocal), 'step-down': toNumber(p.byMethod['step-down']), direct: toNumber(p.byMethod.direct) };
      const all = [p.byMethod.reciprocal, p.byMethod['step-down'], p.byMethod.direct];
      const high = all.reduce((a, b) => (b.gt(a) ? b : a));
      const low = all.reduce((a, b) => (b.lt(a) ? b : a));
      return { pool: p.pool, byMethod, difference: toNumber(high.minus(low)) };
    });
  return { svg, method: stage.method, pools };
}
