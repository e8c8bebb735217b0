/**
 * Keep period and Compare in the built pane against the simulated host, through the gateway's own
 * ABC_History (a hidden sheet and table of the fake workbook): a budget is kept beforehand — the sample's own figures with 1,000 more revenue, and so
 * 1,000 more net profit, for every customer — then the sample is inserted, Keep period keeps its year
 * (and says so again, replacing the copy), and Compare with the budget shows the bridge: operating profit
 * 1,000 × customers lower, all of it revenue, and ten declines of 1,000, and writes the ABC Comparison sheet.
 * ABC.CHANGE in the page gives the same. Saves test-output/compare-pane.png and compare-pane-dark.png.
 */
import fs from 'fs';
import path from 'path';
import { figuresOfResult, type PeriodFigures } from '../../src/engine/compare/figures';
import { dec, toNumber } from '../../src/engine/decimal';
import { runModel } from '../../src/engine/run';
import { sampleGrids } from '../../src/sample';
import { readContract } from '../../src/workbook/contract';
import { periodFiguresToJson } from '../../src/workbook/period-figures-json';
import { collectProblems, describeIfChromium, OUTPUT, paneSession } from './harness';

const MORE = 1000;

function sampleFigures(): PeriodFigures {
  const read = readContract(sampleGrids());
  const { result } = runModel(read.model, read.issues);
  if (result === null) throw new Error('the sample has errors');
  return figuresOfResult(result);
}

/** The budget: every customer 1,000 more revenue and net profit; the company's totals to match. */
function budgetOf(f: PeriodFigures): PeriodFigures {
  const more = dec(MORE);
  const all = dec(MORE * f.customers.length);
  return {
    ...f,
    label: 'Budget',
    customers: f.customers.map((c) => ({ ...c, revenue: c.revenue.plus(more), netProfit: c.netProfit.plus(more) })),
    totals: { ...f.totals, revenue: f.totals.revenue.plus(all), operatingProfit: f.totals.operatingProfit.plus(all) },
  };
}

describeIfChromium('Keep period and Compare in the pane', () => {
  jest.setTimeout(180_000);
  const session = paneSession();
  const figures = sampleFigures();
  const period = figures.label as string;
  const customers = figures.customers.length;
  const operatingProfit = toNumber(figures.totals.operatingProfit);

  test.each([
    ['colorful', 'compare-pane.png'],
    ['black', 'compare-pane-dark.png'],
  ])('a budget kept, the sample kept, compared: the bridge and the declines (%s)', async (theme, file) => {
    const page = await session.context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${session.base}/taskpane.html?lang=en-US&theme=${theme}`);
    await page.evaluate(
      ([json, label]) => (window as unknown as { __keepPeriodJson: (j: unknown, l: string) => Promise<unknown> }).__keepPeriodJson(json, label),
      [periodFiguresToJson(budgetOf(figures)), 'Budget'] as const,
    );
    await page.getByTestId('insert-sample').click();
    await page.getByText('Sample model inserted').waitFor();

    await page.getByTestId('keep-period').click();
    await page.getByTestId('compare-notice').getByText(`Period ${period} kept.`).waitFor();
    await page.getByTestId('keep-period').click();
    await page.getByTestId('compare-notice').getByText(`Period ${period} kept (replaced the earlier copy).`).waitFor();

    // This period is left out of the choice: the budget, and the sample's 2025 that Insert sample model kept.
    expect(await page.getByTestId('kept-period').locator('option').allInnerTexts()).toEqual(['Budget', '2025']);
    await page.getByTestId('kept-period').selectOption('Budget');
    await page.getByTestId('compare').click();
    await page.getByTestId('compare-notice').getByText(`${period} compared with Budget: ABC Comparison written.`).waitFor();
    // The sheet in the workbook holds the change in operating profit.
    const cells = await page.evaluate(() => {
      const book = (window as unknown as { __fakeBook: { sheet(n: string): { valuesOf(a: string): unknown[][] } | undefined } }).__fakeBook;
      return book.sheet('ABC Comparison')?.valuesOf('A1:H60').flat() ?? null;
    });
    expect(cells).toContain(-MORE * customers);

    const value = (id: string): Promise<number> => page.getByTestId(id).getAttribute('data-value').then(Number);
    expect(await value('bridge-before')).toBe(operatingProfit + MORE * customers);
    expect(await value('bridge-revenue')).toBe(-MORE * customers);
    expect(await value('bridge-after')).toBe(operatingProfit);
    // No other part moved: the waterfall has the two totals and revenue only.
    expect(await page.getByTestId('waterfall').locator('[data-testid^="bridge-"]').count()).toBe(3);
    const declines = page.getByTestId('declines-row');
    expect(await declines.count()).toBe(10);
    const changes = await declines.evaluateAll((rows) => rows.map((r) => Number(r.lastElementChild?.getAttribute('data-value'))));
    expect(changes).toEqual(Array(10).fill(-MORE));
    expect(await page.getByTestId('improvements').innerText()).toContain('None.');

    // The page's ABC.CHANGE, as Excel calls it, against the budget.
    const first = figures.customers[0]?.customer as string;
    const streamed = await page.evaluate(async (customer) => {
      const w = window as unknown as { __customFunctions: Record<string, (...a: unknown[]) => void> };
      return new Promise<unknown>((resolve) => {
        w.__customFunctions.CHANGE?.(customer, 'omzet', 'Budget', { setResult: resolve, onCanceled: () => undefined });
      });
    }, first);
    expect(streamed).toBe(-MORE);

    // The sample's own 2025, kept by Insert sample model: the runner's figures (README), to the cent.
    await page.getByTestId('kept-period').selectOption('2025');
    await page.getByTestId('compare').click();
    await page.getByTestId('compare-notice').getByText(`${period} compared with 2025: ABC Comparison written.`).waitFor();
    expect([await value('bridge-before'), await value('bridge-after')]).toEqual([822921.12, operatingProfit]);
    expect(await value('bridge-revenue')).toBe(2758620.77);
    await page.getByTestId('kept-period').selectOption('Budget');
    await page.getByTestId('compare').click();
    await page.getByTestId('compare-notice').getByText(`${period} compared with Budget: ABC Comparison written.`).waitFor();

    const shot = path.join(OUTPUT, file);
    await page.getByTestId('compare-section').screenshot({ path: shot });
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await page.close();
  });
});
