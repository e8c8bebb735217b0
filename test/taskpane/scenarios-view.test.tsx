/**
 * The Scenarios view as markup, on the order desk (test/functions/models.ts) run through the engine:
 * order lines in 2 minutes instead of 3 free 12,000 minutes (2 FTE at 6,000 minutes a person) worth
 * 10,000.00 once capacity is resized; twice the rush orders need 400 minutes more. Without ABC_Scenarios
 * the view says how to add them; without an FTE it shows minutes.
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { dec } from '../../src/engine/decimal';
import type { ModelInput } from '../../src/engine/model';
import { runModel } from '../../src/engine/run';
import { runScenarios } from '../../src/engine/scenarios/run-scenarios';
import type { ScenarioChangeInput } from '../../src/engine/scenarios/types';
import { type ScenarioFiguresJson, scenarioFiguresOf } from '../../src/functions/scenario-figures';
import { ScenariosView } from '../../src/taskpane/components/ScenariosView';
import { formatter } from '../../src/taskpane/figures';
import { type Language, stringsFor } from '../../src/taskpane/i18n';
import { buildModel } from '../helpers/model';
import { ORDER_DESK } from '../functions/models';

const at = { range: 'ABC_Scenarios', sheet: 'Scenarios', cell: 'A2' };
const ROWS: ScenarioChangeInput[] = [
  { scenario: 'Lines in 2 minutes', scope: { kind: 'all' }, change: 'minutes', target: 'Order entry / Order lines', value: { kind: 'number', value: dec(2) }, where: at },
  { scenario: 'Twice the rush orders', scope: { kind: 'all' }, change: 'quantity', target: 'Rush orders', value: { kind: 'percent', fraction: dec(1) }, where: at },
];

function figuresOf(minutesPerFte: number | null): ScenarioFiguresJson[] {
  const base = buildModel({ ...ORDER_DESK, settings: minutesPerFte === null ? {} : { minutesPerFte: dec(minutesPerFte) } });
  const model: ModelInput = { ...base, scenarios: ROWS };
  const run = runModel(model);
  if (run.result === null) throw new Error(run.issues.map((i) => i.message).join('; '));
  const scenarios = runScenarios(model, run.result);
  expect(scenarios.issues).toEqual([]);
  return scenarios.outcomes.map(scenarioFiguresOf);
}

function render(names: string[], figures: ScenarioFiguresJson[] | null, language: Language = 'en'): string {
  const html = renderToStaticMarkup(
    <ScenariosView
      names={names}
      figures={figures}
      strings={stringsFor(language)}
      format={formatter(language === 'nl' ? 'nl-NL' : 'en-US', 'EUR')}
      busy={false}
      onRun={() => undefined}
    />,
  );
  return html;
}

const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();

/** The figure a cell carries (the exact amount) and shows (rounded in the pane's format). */
function cell(html: string, testId: string): { value: number; shown: string } {
  const m = new RegExp(`data-testid="${testId}" data-value="([^"]+)"[^>]*>([^<]*)<`).exec(html);
  if (m === null) throw new Error(`no ${testId}`);
  return { value: Number(m[1]), shown: m[2] as string };
}

describe('the Scenarios view', () => {
  test('before a run: the scenarios with their check boxes, all ticked, and the button', () => {
    const html = render(['Lines in 2 minutes', 'Twice the rush orders'], null);
    expect(text(html)).toBe('Lines in 2 minutes Twice the rush orders Run scenarios');
    expect(html.match(/checked=""/g)).toHaveLength(2);
  });

  test('after a run: before and after per figure, to the cent in the data and rounded on screen; staff freed and minutes needed', () => {
    const figures = figuresOf(6_000);
    const html = render(['Lines in 2 minutes', 'Twice the rush orders'], figures);
    const [lines, rush] = figures;
    if (lines === undefined || rush === undefined) throw new Error('two scenarios expected');
    // Today's capacity: the 10,000.00 of freed minutes stays as unused capacity; resized, it is gone.
    const before = cell(html, 'scenario-0-operating-profit-before');
    expect(cell(html, 'scenario-0-operating-profit-after').value).toBe(before.value);
    expect(cell(html, 'scenario-0-operating-profit-resized-after').value).toBeCloseTo(before.value + 10_000, 6);
    expect(cell(html, 'scenario-0-unused-capacity-after').value).toBeCloseTo(cell(html, 'scenario-0-unused-capacity-before').value + 10_000, 6);
    expect(cell(html, 'scenario-0-cost-to-serve-after').value).toBe(lines.after.costToServe);
    expect(cell(html, 'scenario-0-net-profit-after').value).toBe(lines.after.customerNetProfit);
    // Revenue 120,000 + 80,000 less 1002's discount of 2,000; minutes do not change it.
    expect(cell(html, 'scenario-0-net-revenue-after')).toEqual({ value: 198_000, shown: '€198,000' });
    const words = text(html);
    expect(words).toContain('Order desk: 2.0 FTE freed (12,000 minutes)');
    // 40 more rush orders of 10 minutes: 400 minutes, 0.07 of a person, more needed.
    expect(words).toContain('Order desk: 0.07 FTE more needed (400 minutes)');
    expect(words).toContain("Operating profit, today's capacity");
    expect(words).toContain('Operating profit, capacity resized');
    expect(rush.pools[0]?.freedMinutes).toBe(-400);
  });

  test('without an FTE the capacity is shown in minutes; in Dutch with Dutch labels', () => {
    const figures = figuresOf(null);
    expect(figures[0]?.pools[0]?.freedFte).toBeNull();
    expect(text(render(['Lines in 2 minutes'], figures.slice(0, 1)))).toContain('Order desk: 12,000 minutes freed');
    const dutch = text(render(['Lines in 2 minutes'], figures.slice(0, 1), 'nl'));
    expect(dutch).toContain('Order desk: 12.000 minuten vrijgekomen');
    expect(dutch).toContain('Bedrijfsresultaat, capaciteit bijgesteld');
    expect(dutch).toContain("Scenario's doorrekenen");
  });

  test('a workbook without ABC_Scenarios: how to add them, naming the contract section', () => {
    expect(text(render([], null))).toBe(stringsFor('en').noScenarios);
    expect(text(render([], null))).toContain('add a range named ABC_Scenarios with the columns Scenario, Scope, Change, Target and Value (see "ABC_Scenarios" in the workbook contract');
    expect(text(render([], null, 'nl'))).toContain('ABC_Scenarios toe met de kolommen Scenario, Bereik, Wijziging, Doel en Waarde');
  });
});
