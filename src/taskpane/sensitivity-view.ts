/**
 * What the pane's "How sure?" section draws (issue 21), from the worker's plain figures: the ten estimates
 * whose range moves operating profit most (a tornado on one axis), the customers to look closer at before
 * acting, and the company's range. Pure: numbers and names, formatted by the view.
 */
import type { TermKind } from '../engine/model';
import type { SensitivityFiguresJson } from '../functions/sensitivity-figures';

/** Bars the tornado shows; the rest are smaller swings still. */
export const TORNADO_BARS = 10;
/** Customers the look-closer list shows before saying how many more there are. */
export const LOOK_CLOSER_ROWS = 20;

/** One bar: an estimate and operating profit (capacity resized) with it at Low and at High. */
export interface TornadoRow {
  /** The estimate's row among the activity rows, which identifies it. */
  row: number;
  activity: string;
  driver: string | null;
  kind: TermKind;
  low: number;
  value: number;
  high: number;
  profitAtLow: number;
  profitAtHigh: number;
  swing: number;
  /** The estimate's cell, or null. */
  where: string | null;
}

/** A customer whose sign is uncertain. */
export interface LookCloserRow {
  customer: string;
  name: string | null;
  /** Today's net profit (exact, as a number to show). */
  today: number;
  p10: number;
  p90: number;
  lossChance: number;
}

export interface SensitivityViewModel {
  bars: TornadoRow[];
  /** The axis all bars share: the lowest and highest operating profit any bar reaches. */
  axis: { min: number; max: number };
  lookCloser: LookCloserRow[];
  /** Look-closer customers beyond those listed. */
  moreLookCloser: number;
  company: { p10: number; median: number; p90: number };
  simulations: number;
  seed: number;
}

/**
 * The view of an analysis: the first ten bars (the engine ranks them, largest swing first) and the
 * look-closer customers, the likeliest loss-makers first.
 */
export function sensitivityViewOf(figures: SensitivityFiguresJson): SensitivityViewModel {
  const bars = figures.tornado.slice(0, TORNADO_BARS).map((b) => ({
    row: b.row,
    activity: b.activity,
    driver: b.driver,
    kind: b.kind,
    low: Number(b.low),
    value: Number(b.value),
    high: Number(b.high),
    profitAtLow: Number(b.profitAtLow),
    profitAtHigh: Number(b.profitAtHigh),
    swing: Number(b.swing),
    where: b.where,
  }));
  const ends = bars.flatMap((b) => [b.profitAtLow, b.profitAtHigh]);
  const byId = new Map(figures.customers.map((c) => [c.customer, c]));
  const closer = figures.lookCloser
    .flatMap((id) => {
      const c = byId.get(id);
      return c === undefined ? [] : [{ customer: c.customer, name: c.name, today: Number(c.netProfit), p10: c.p10, p90: c.p90, lossChance: c.lossChance }];
    })
    .sort((a, b) => b.lossChance - a.lossChance || a.today - b.today);
  return {
    bars,
    axis: ends.length === 0 ? { min: 0, max: 0 } : { min: Math.min(...ends), max: Math.max(...ends) },
    lookCloser: closer.slice(0, LOOK_CLOSER_ROWS),
    moreLookCloser: Math.max(0, closer.length - LOOK_CLOSER_ROWS),
    company: { ...figures.company },
    simulations: figures.simulations,
    seed: figures.seed,
  };
}

/** Where a bar starts and how wide it is on the shared axis, as fractions 0–1 of the axis. */
export function barSpan(bar: Pick<TornadoRow, 'profitAtLow' | 'profitAtHigh'>, axis: SensitivityViewModel['axis']): { start: number; width: number } {
  const span = axis.max - axis.min;
  if (span <= 0) return { start: 0, width: 0 };
  const from = Math.min(bar.profitAtLow, bar.profitAtHigh);
  const to = Math.max(bar.profitAtLow, bar.profitAtHigh);
  return { start: (from - axis.min) / span, width: (to - from) / span };
}
