/**
 * The Scenarios view in the built pane against the simulated host: insert the sample, see its three
 * scenarios ticked, Run scenarios; the operating profit before and after (today's capacity and capacity
 * resized) shown for each equals the engine's own run of the same model, the ABC Scenarios sheet is in the
 * workbook, and the page's ABC.SCENARIO gives the same figures. Saves test-output/scenarios-pane.png (copied to docs/ by hand: a test run never edits a tracked file).
 */
import fs from 'fs';
import path from 'path';
import { runModel } from '../../src/engine/run';
import { runScenarios } from '../../src/engine/scenarios/run-scenarios';
import { scenarioFiguresOf } from '../../src/functions/scenario-figures';
import { sampleGrids } from '../../src/sample';
import { readContract } from '../../src/workbook/contract';
import { collectProblems, describeIfChromium, OUTPUT, paneSession } from './harness';

const NAMES = ['Order fee Hospitality', 'EDI order entry retail chains', 'Minimum order 8 lines'];
const SCREENSHOT = path.join(OUTPUT, 'scenarios-pane.png');

/** What the page's fake workbook exposes to the test. */
interface PageBook {
  sheets: Array<{ name: string }>;
  sheet(name: string): { valuesOf(a: string): unknown[][] } | undefined;
}

/** The engine's run of the sample's scenarios in Node, as plain figures. */
function engineFigures() {
  const read = readContract(sampleGrids());
  const base = runModel(read.model, read.issues);
  if (base.result === null) throw new Error('the sample has errors');
  return runScenarios(read.model, base.result).outcomes.map(scenarioFiguresOf);
}

describeIfChromium('the Scenarios view runs the sample\'s scenarios', () => {
  jest.setTimeout(180_000);
  const session = paneSession();

  test('three scenarios ticked, Run scenarios: the engine\'s operating profit before and after, ABC Scenarios written', async () => {
    const expected = engineFigures();
    expect(expected.map((f) => f.scenario)).toEqual(NAMES);
    const page = await session.context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${session.base}/taskpane.html?lang=en-US`);
    await page.getByTestId('insert-sample').click();
    await page.getByText('Sample model inserted').waitFor();

    const choices = page.getByTestId('scenario-choices').getByRole('checkbox');
    expect(await choices.count()).toBe(3);
    for (let i = 0; i < 3; i++) expect(await choices.nth(i).isChecked()).toBe(true);
    expect(await page.getByTestId('scenario-choices').innerText()).toBe(NAMES.join('\n'));

    await page.getByTestId('run-scenarios').click();
    await page.getByText('Scenarios run: ABC Scenarios written.').waitFor();

    const shown = (id: string): Promise<number> => page.getByTestId(id).getAttribute('data-value').then((v) => Number(v));
    for (const [i, f] of expected.entries()) {
      expect(await page.getByTestId(`scenario-${i}`).getAttribute('data-scenario')).toBe(f.scenario);
      expect(await shown(`scenario-${i}-operating-profit-before`)).toBe(f.before.operatingProfit);
      expect(await shown(`scenario-${i}-operating-profit-after`)).toBe(f.after.operatingProfit);
      expect(await shown(`scenario-${i}-operating-profit-resized-before`)).toBe(f.before.operatingProfit);
      expect(await shown(`scenario-${i}-operating-profit-resized-after`)).toBe(f.operatingProfitResized);
      expect(await shown(`scenario-${i}-net-profit-after`)).toBe(f.after.customerNetProfit);
      // The rounded amount on screen is that figure in the pane's format.
      const text = await page.getByTestId(`scenario-${i}-operating-profit-after`).innerText();
      const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, useGrouping: false }).format(f.after.operatingProfit);
      expect(text.replace(/[^\d-]/g, '')).toBe(whole);
    }
    // EDI order entry frees order-entry minutes: the pane shows them in staff or minutes per pool.
    const edi = expected[1];
    const freedPools = (edi?.pools ?? []).filter((p) => p.freedMinutes !== 0);
    expect(freedPools.length).toBeGreaterThan(0);
    const poolItems = page.getByTestId('scenario-1-pool');
    expect(await poolItems.count()).toBe(freedPools.length);
    expect(Number(await poolItems.first().getAttribute('data-minutes'))).toBe(freedPools[0]?.freedMinutes);

    const sheet = await page.evaluate(() => {
      const ws = (window as unknown as { __fakeBook: PageBook }).__fakeBook.sheet('ABC Scenarios');
      return ws === undefined ? null : ws.valuesOf('A1:Z400').flat();
    });
    expect(sheet).not.toBeNull();
    for (const f of expected) {
      expect(sheet?.some((v) => typeof v === 'string' && v.includes(f.scenario))).toBe(true);
      expect(sheet).toContain(f.operatingProfitResized);
    }

    // The page's ABC.SCENARIO, called as Excel calls it, gives the same figure.
    const streamed = await page.evaluate(async (name) => {
      const w = window as unknown as { __customFunctions: Record<string, (...a: unknown[]) => void> };
      return new Promise<unknown>((resolve) => {
        w.__customFunctions.SCENARIO?.(name, null, 'operatingProfitResized', { setResult: resolve, onCanceled: () => undefined });
      });
    }, NAMES[1]);
    expect(streamed).toBe(edi?.operatingProfitResized);

    // The view with a margin, at the pane's width (the browser's viewport is the pane's 420 pixels).
    const box = await page.getByTestId('scenarios').boundingBox();
    if (box === null) throw new Error('the Scenarios view is not shown');
    await page.screenshot({ path: SCREENSHOT, fullPage: true, clip: { x: 0, y: Math.max(0, box.y - 12), width: 420, height: box.height + 24 } });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await page.close();
  });
});
