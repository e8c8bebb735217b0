/**
 * `ABC_Scenarios`: what-if scenarios, one change per row (Scenario, Scope, Change, Target, Value). This
 * module reads the cells; whether a scope, target or value fits the model and the change is the engine's
 * check (validate-scenarios.ts), so a model built by hand is held to the same rules.
 */
import { dec, isFigureInRange, readDecimalText } from '../engine/decimal';
import { nameKey } from '../engine/model';
import { msg } from '../engine/messages';
import type { ScenarioChangeInput, ScenarioChangeKind, ScenarioScope, ScenarioValue } from '../engine/scenarios/types';
import { showValue } from './cells';
import { CONTRACT_HEADERS } from './contract-spec';
import { isPercentCell } from './grid';
import { matchHeaders } from './headers';
import { INVALID, type RangeReader, type RangeRows } from './range-reader';

/** Change words in English and Dutch, compared in lower case with spaces removed (`Minimum order` is `minimumorder`). */
export const SCENARIO_CHANGES: ReadonlyArray<{ change: ScenarioChangeKind; en: string; nl: string }> = [
  { change: 'quantity', en: 'quantity', nl: 'aantal' },
  { change: 'price', en: 'price', nl: 'prijs' },
  { change: 'fee', en: 'fee', nl: 'vergoeding' },
  { change: 'minutes', en: 'minutes', nl: 'minuten' },
  { change: 'capacity', en: 'capacity', nl: 'capaciteit' },
  { change: 'minimumOrder', en: 'minimum order', nl: 'minimumorder' },
];

/** The scope words for every customer. */
export const ALL_SCOPES: readonly string[] = ['all', 'alle'];

const compact = (text: string): string => text.replace(/\s+/g, '').toLowerCase();
const CHANGES = new Map<string, ScenarioChangeKind>();
for (const c of SCENARIO_CHANGES) {
  CHANGES.set(compact(c.en), c.change);
  CHANGES.set(compact(c.nl), c.change);
}

/** A percentage as text: `-50%`, `-50 %`, `+12.5%`, `-50,5%` (a comma before the decimals, as Dutch Excel shows them). */
const PERCENT_TEXT = /^([+-]?)(\d+(?:[.,]\d+)?|[.,]\d+)\s*%$/;

/** Reads a scope: `all`/`alle`, `Dimension=value`, or else a customer id (a number cell 1001 is the id "1001"). */
export function parseScope(text: string): ScenarioScope {
  const t = text.trim();
  if (ALL_SCOPES.includes(nameKey(t))) return { kind: 'all' };
  const eq = t.indexOf('=');
  if (eq > 0) return { kind: 'dimension', dimension: t.slice(0, eq).trim(), value: t.slice(eq + 1).trim() };
  return { kind: 'customer', customer: t };
}

/**
 * Reads the scenario rows. A row's `where` is its Scenario cell. A row with a blank or unreadable Scenario,
 * Scope, Change or Value is reported and left out; the rows are checked against the model by the engine.
 */
export function readScenarios(reader: RangeReader): RangeRows<ScenarioChangeInput> {
  const match = matchHeaders(reader, CONTRACT_HEADERS.ABC_Scenarios);
  const scenario = match.columns.get('scenario');
  const scope = match.columns.get('scope');
  const change = match.columns.get('change');
  const target = match.columns.get('target');
  const value = match.columns.get('value');
  const rows: ScenarioChangeInput[] = [];
  const dataRows = reader.forEachDataRow((r) => {
    if (scenario === undefined || scope === undefined || change === undefined || value === undefined) return;
    const name = reader.requiredText(r, scenario, 'scenarioName');
    const scopeText = reader.requiredText(r, scope, 'scenarioScope');
    const kind = readChange(reader, r, change);
    const targetText = target === undefined ? null : reader.text(r, target);
    const amount = readValue(reader, r, value);
    if (name === null || scopeText === null || kind === null || targetText === INVALID || amount === null) return;
    rows.push({
      scenario: name,
      scope: parseScope(scopeText),
      change: kind,
      target: targetText,
      value: amount,
      where: reader.where(r, scenario),
      scopeWhere: reader.where(r, scope),
      changeWhere: reader.where(r, change),
      ...(target === undefined ? {} : { targetWhere: reader.where(r, target) }),
      valueWhere: reader.where(r, value),
    });
  });
  return { rows, dataRows };
}

function readChange(reader: RangeReader, r: number, column: number): ScenarioChangeKind | null {
  const text = reader.requiredText(r, column, 'scenarioChange');
  if (text === null) return null;
  const kind = CHANGES.get(compact(text));
  if (kind === undefined) reader.report('error', 'INVALID_SCENARIO_CHANGE', msg('scenarioUnknownChange', {}), r, column, { ...reader.where(r, column), value: `"${text}"` });
  return kind ?? null;
}

/**
 * Reads a Value: a cell formatted as a percentage or the text `-30%` is a percentage; any other number
 * (a number cell or plain decimal text) is a number. Which of the two a change needs is the engine's check.
 */
function readValue(reader: RangeReader, r: number, column: number): ScenarioValue | null {
  const cell = reader.cell(r, column);
  if (isPercentCell(cell)) {
    if (isFigureInRange(cell.percent)) return { kind: 'percent', fraction: dec(cell.percent) };
    reader.report('error', 'NUMBER_OUT_OF_RANGE', msg('numberOutOfRange', { column: reader.columnRef(column), found: showValue(cell) }), r, column);
    return null;
  }
  if (typeof cell === 'string') {
    const m = PERCENT_TEXT.exec(cell.trim());
    if (m !== null) {
      const digits = (m[2] ?? '').replace(',', '.');
      const reading = readDecimalText(`${m[1] ?? ''}${digits}`);
      // A comma and three digits (`1,234%`) could be a thousands separator: not guessed at.
      if (reading.kind === 'number' && !/^\d{1,3}[.,]\d{3}$/.test(m[2] ?? '')) return { kind: 'percent', fraction: reading.value.dividedBy(100) };
      reader.report('error', 'NOT_A_NUMBER', msg('notANumber', { column: reader.columnRef(column), found: showValue(cell) }), r, column);
      return null;
    }
  }
  const n = reader.number(r, column, { allowNegative: true });
  if (n === INVALID) return null;
  if (n === null) {
    reader.report('error', 'MISSING_VALUE', msg('missingNumber', { column: reader.columnRef(column) }), r, column);
    return null;
  }
  return { kind: 'number', value: n };
}
