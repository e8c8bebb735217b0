/**
 * Which customers a scenario row applies to: all of them, one by id, or those with a dimension value
 * (`Segment=Hospitality`). Ids and dimension names match as the contract matches names; a dimension value
 * is compared on its text, ignoring case, so `Segment=hospitality` is `Hospitality`.
 */
import type { CustomerInput, DimensionValue } from '../model';
import { nameKey } from '../model';
import type { ScenarioScope } from './types';

/** Why a scope selects nobody: a dimension the customers do not have, an unknown id, or a value nobody has. */
export type ScopeProblem = 'unknownDimension' | 'unknownCustomer' | 'matchesNone';

/** The positions (in `customers`) a scope selects, or why it selects none. */
export type ScopeSelection = { kind: 'customers'; indices: number[] } | { kind: 'problem'; problem: ScopeProblem };

/** A dimension value as text, the way the contract reads a dimension's cell (TRUE/FALSE for booleans). */
function dimensionText(value: DimensionValue): string | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** The dimension headers of the customers, as first written, in column order. */
export function dimensionNames(customers: readonly CustomerInput[]): string[] {
  const seen = new Map<string, string>();
  for (const c of customers) for (const [header] of c.dimensions) if (!seen.has(nameKey(header))) seen.set(nameKey(header), header);
  return [...seen.values()];
}

/** Selects the customers of a scope. */
export function selectScope(customers: readonly CustomerInput[], scope: ScenarioScope): ScopeSelection {
  switch (scope.kind) {
    case 'all':
      return { kind: 'customers', indices: customers.map((_, i) => i) };
    case 'customer': {
      const key = nameKey(scope.customer);
      const index = customers.findIndex((c) => nameKey(c.id) === key);
      return index < 0 ? { kind: 'problem', problem: 'unknownCustomer' } : { kind: 'customers', indices: [index] };
    }
    case 'dimension': {
      const key = nameKey(scope.dimension);
      if (!dimensionNames(customers).some((d) => nameKey(d) === key)) return { kind: 'problem', problem: 'unknownDimension' };
      const wanted = scope.value.trim().toLowerCase();
      const indices: number[] = [];
      customers.forEach((c, i) => {
        const cell = c.dimensions.find(([header]) => nameKey(header) === key);
        const text = cell === undefined ? null : dimensionText(cell[1]);
        if (text !== null && text.trim().toLowerCase() === wanted) indices.push(i);
      });
      return indices.length === 0 ? { kind: 'problem', problem: 'matchesNone' } : { kind: 'customers', indices };
    }
  }
}
