/**
 * The checks of `ABC_Scenarios` rows against the model: every row's scope, target and value, all reported
 * at once with the cell to fix, so a bad row stops the run like a bad row of any other range.
 */
import { ONE, ZERO } from '../decimal';
import { type Issue, type IssueCode, type Where, error } from '../issues';
import { type MessageText, msg } from '../messages';
import type { ModelInput } from '../model';
import { dimensionNames, selectScope } from './scope';
import { isTermProblem, knownDrivers, resolveDriver, resolvePool, resolveTerm } from './targets';
import type { ScenarioChangeInput, ScenarioValue } from './types';

/** A Value as the user typed it, for messages: `-30%` or `0.3`. */
export function valueText(value: ScenarioValue): string {
  return value.kind === 'percent' ? `${value.fraction.times(100).toFixed()}%` : value.value.toFixed();
}

/** Checks every scenario row of the model; no rows, no issues. */
export function validateScenarios(model: ModelInput): Issue[] {
  const issues: Issue[] = [];
  for (const row of model.scenarios ?? []) issues.push(...checkRow(model, row));
  if (model.settings.minutesPerFte !== undefined && !model.settings.minutesPerFte.isPositive()) {
    // The reader refuses these already; a model built by hand is checked here.
    issues.push(error('INVALID_SETTING', msg('invalidMinutesPerFte', { found: model.settings.minutesPerFte.toFixed() })));
  }
  return issues;
}

function checkRow(model: ModelInput, row: ScenarioChangeInput): Issue[] {
  const issues: Issue[] = [];
  const report = (code: IssueCode, text: MessageText, where: Where | undefined): void => {
    issues.push(error(code, text, where ?? row.where));
  };
  const scopeAt = row.scopeWhere;
  const selection = selectScope(model.customers, row.scope);
  if (selection.kind === 'problem') {
    const scope = row.scope;
    if (scope.kind === 'customer') report('INVALID_SCENARIO_SCOPE', msg('scenarioScopeUnknownCustomer', { customer: scope.customer }), scopeAt);
    else if (scope.kind === 'dimension' && selection.problem === 'unknownDimension')
      report('INVALID_SCENARIO_SCOPE', msg('scenarioScopeUnknownDimension', { dimension: scope.dimension, dimensions: dimensionNames(model.customers).join(', ') }), scopeAt);
    else if (scope.kind === 'dimension') report('INVALID_SCENARIO_SCOPE', msg('scenarioScopeMatchesNone', { dimension: scope.dimension, value: scope.value }), scopeAt);
  }

  const kind = row.change;
  const found = valueText(row.value);
  const valueAt = row.valueWhere;
  const needTarget = (): string | null => {
    if (row.target === null || row.target.trim() === '') {
      report('UNKNOWN_SCENARIO_TARGET', msg('scenarioTargetMissing', { kind }), row.targetWhere);
      return null;
    }
    return row.target;
  };
  const noTarget = (): void => {
    if (row.target !== null && row.target.trim() !== '') report('UNKNOWN_SCENARIO_TARGET', msg('scenarioTargetNotTaken', { kind, target: row.target }), row.targetWhere);
  };
  const needDriver = (): void => {
    const target = needTarget();
    if (target !== null && resolveDriver(model, target) === null)
      report('UNKNOWN_SCENARIO_TARGET', msg('scenarioUnknownDriver', { driver: target, drivers: knownDrivers(model).join(', ') }), row.targetWhere);
  };
  /** A percentage, at least -100% (or above it when `above`). */
  const needPercent = (what: 'change' | 'sharePool' = 'change', above = false): void => {
    if (row.value.kind !== 'percent') {
      report('INVALID_SCENARIO_VALUE', msg('scenarioNeedsPercent', { kind, found, what }), valueAt);
      return;
    }
    checkPercent(above);
  };
  const checkPercent = (above: boolean): void => {
    if (row.value.kind !== 'percent') return;
    const factor = ONE.plus(row.value.fraction);
    if (factor.isNegative() && !factor.isZero()) report('INVALID_SCENARIO_VALUE', msg('scenarioPercentBelowMinus100', { found }), valueAt);
    else if (above && factor.isZero()) report('INVALID_SCENARIO_VALUE', msg('scenarioValueNotPositive', { kind, found }), valueAt);
  };
  const needNumber = (): boolean => {
    if (row.value.kind === 'percent') {
      report('INVALID_SCENARIO_VALUE', msg('scenarioNeedsNumber', { kind, found }), valueAt);
      return false;
    }
    return true;
  };

  switch (kind) {
    case 'quantity':
      needDriver();
      needPercent();
      break;
    case 'price':
      noTarget();
      needPercent();
      break;
    case 'fee':
      needDriver();
      needNumber();
      break;
    case 'minutes': {
      const target = needTarget();
      if (target !== null) {
        const term = resolveTerm(model, target);
        if (isTermProblem(term)) {
          const text =
            term.kind === 'unknownActivity'
              ? msg('scenarioUnknownActivity', { activity: term.activity, activities: term.activities.join(', ') })
              : term.kind === 'unknownTerm'
                ? msg('scenarioUnknownTerm', { activity: term.activity, driver: term.driver, drivers: term.drivers.join(', ') })
                : msg('scenarioAmbiguousTerm', { activity: term.activity, drivers: term.drivers.join(', ') });
          report('UNKNOWN_SCENARIO_TARGET', text, row.targetWhere);
        }
      }
      if (row.value.kind === 'percent') checkPercent(false);
      else if (row.value.value.isNegative() && !row.value.value.isZero()) report('INVALID_SCENARIO_VALUE', msg('scenarioValueNotPositive', { kind, found }), valueAt);
      break;
    }
    case 'capacity': {
      const target = needTarget();
      const pool = target === null ? null : resolvePool(model, target);
      if (target !== null && pool === null)
        report('UNKNOWN_SCENARIO_TARGET', msg('scenarioUnknownPool', { pool: target, pools: model.pools.map((p) => p.name).join(', ') }), row.targetWhere);
      if (row.scope.kind !== 'all') report('INVALID_SCENARIO_SCOPE', msg('scenarioScopeNotAll', { pool: pool?.name ?? target ?? '' }), scopeAt);
      if (pool !== null && !pool.timeDriven) needPercent('sharePool');
      else if (row.value.kind === 'percent') checkPercent(true);
      else if (!row.value.value.isPositive() || row.value.value.isZero()) report('INVALID_SCENARIO_VALUE', msg('scenarioValueNotPositive', { kind, found }), valueAt);
      break;
    }
    case 'minimumOrder': {
      noTarget();
      if (needNumber() && row.value.kind === 'number' && !row.value.value.greaterThan(ZERO))
        report('INVALID_SCENARIO_VALUE', msg('scenarioValueNotPositive', { kind, found }), valueAt);
      const { orderDriver, orderLineDriver } = model.settings;
      if (orderDriver === undefined || orderLineDriver === undefined) {
        const what = orderDriver === undefined && orderLineDriver === undefined ? 'both' : orderDriver === undefined ? 'orderDriver' : 'orderLineDriver';
        report('INVALID_SCENARIO_CHANGE', msg('scenarioNeedsOrderDrivers', { what }), row.changeWhere);
      }
      break;
    }
  }
  return issues;
}
