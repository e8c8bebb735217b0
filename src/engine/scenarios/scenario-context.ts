/**
 * What every step of applying one scenario reads: the model as it was, the scenario's rows of each kind,
 * the customers a row applies to, and the customer of a volume row. Built once per scenario, so the
 * customer index is made once and not by every step.
 */
import { type ModelInput, type VolumeInput, nameKey } from '../model';
import { selectScope } from './scope';
import type { ScenarioChangeInput, ScenarioChangeKind } from './types';

/** One scenario's model and rows, with the look-ups its steps share. */
export interface ScenarioContext {
  /** The model before the scenario: targets are resolved against it, never against a changed copy. */
  model: ModelInput;
  /** The scenario's rows of one kind, in row order. */
  rowsOf(kind: ScenarioChangeKind): ScenarioChangeInput[];
  /** The positions of the customers a row applies to; none when its scope selects nobody. */
  scoped(row: ScenarioChangeInput): number[];
  /** The position of a volume row's customer, −1 when the model has no such customer. */
  indexOf(volume: VolumeInput): number;
}

/** The context of one scenario's (already validated) rows on the model. */
export function scenarioContext(model: ModelInput, rows: readonly ScenarioChangeInput[]): ScenarioContext {
  const customerIndex = new Map(model.customers.map((c, i) => [nameKey(c.id), i]));
  return {
    model,
    rowsOf: (kind) => rows.filter((r) => r.change === kind),
    scoped: (row) => {
      const selection = selectScope(model.customers, row.scope);
      return selection.kind === 'customers' ? selection.indices : [];
    },
    indexOf: (v) => customerIndex.get(nameKey(v.customer)) ?? -1,
  };
}
