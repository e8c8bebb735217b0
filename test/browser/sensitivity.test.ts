/**
 * How sure? in the built pane against the simulated host (issue 21): the sample inserted, Run shows the
 * simulation's progress and then the tornado — the ten estimates that move operating profit most, the
 * engine's own ranking and swings — the customers to look closer at (those of the engine's run in Node,
 * the same seed giving the same draws) and the company's P10–P90; ABC.PROFITRANGE and ABC.LOSSCHANCE in the
 * page give the engine's numbers. Saves test-output/sensitivity-pane.png and sensitivity-pane-dark.png.

 */
import fs from 'fs';
import path from 'path';
import { dec, roundCents, toNumber } from '../../src/engine/decimal';
import { runModel } from '../../src/engine/run';
import { sampleGrids } from '../../src/sample';
import { readContract } from '../../src/workbook/contract';
import { sensitivityToJson } from '../../src/functions/sensitivity-figures';
import { analyseSensitivity } from '../../src/engine/sensitivity/analyse';
import { TORNADO_BARS, sensitivityViewOf } from '../../src/taskpane/sensitivity-view';
import { collectProblems, describeIfChromium, OUTPUT, paneSession } from './harness';

/** The engine's analysis of the sample in Node, as the runner makes it. */
function engineView() {
  const read = readContract(sampleGrids());
  const { result } = runModel(read.model, read.issues);
  if (result === null) throw new Error('the sample has errors');
  const figures = sensitivityToJson(analyseSensitivity(read.model, result));
  return { figures, view: sensitivityViewOf(figures) };
}

describeIfChromium('How sure? in the pane', () => {
  jest.setTimeout(180_000);
  const session = paneSession();

  test.each([
    ['colorful', 'sensitivity-pane.png'],
    ['black', 'sensitivity-pane-dark.png'],
  ])('Run on the sample: the tornado, the customers to look closer at and the formulas (%s)', async (theme, file) => {
    const { figures, view } = engineView();
    const page = await session.context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${session.base}/taskpane.html?lang=en-US&theme=${theme}`);
    await page.getByTestId('insert-sample').click();
    await page.getByText('Sample model inserted').waitFor();

    await page.getByTestId('run-sensitivity').click();
    await page.getByTestId('tornado').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('sensitivity-notice').count()).toBe(0);
    const bars = page.getByTestId('tornado-bar');
    expect(await bars.count()).toBe(Math.min(TORNADO_BARS, figures.tornado.length));
    const shown = await bars.evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-row')), Number(r.getAttribute('data-swing'))]));
    expect(shown).toEqual(view.bars.map((b) => [b.row, b.swing]));
    expect(await page.getByTestId('sensitivity').getAttribute('data-seed')).toBe(String(figures.seed));

    if (view.lookCloser.length === 0) {
      await page.getByTestId('look-closer-none').waitFor();
    } else {
      const rows = page.getByTestId('look-closer-row');
      expect(await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-customer')))).toEqual(view.lookCloser.map((c) => c.customer));
    }

    // The page's ABC.PROFITRANGE and ABC.LOSSCHANCE, as Excel calls them: the engine's numbers.
    const first = figures.customers[0];
    if (first === undefined) throw new Error('no customers');
    const call = (name: string, args: unknown[]): Promise<unknown> =>
      page.evaluate(
        ([fn, a]) => {
          const w = window as unknown as { __customFunctions: Record<string, (...x: unknown[]) => void> };
          return new Promise<unknown>((resolve) => w.__customFunctions[fn as string]?.(...(a as unknown[]), { setResult: resolve, onCanceled: () => undefined }));
        },
        [name, args] as const,
      );
    expect(await call('PROFITRANGE', [first.customer, 10])).toBe(toNumber(roundCents(dec(first.p10))));
    expect(await call('LOSSCHANCE', [first.customer])).toBe(first.lossChance);

    const shot = path.join(OUTPUT, file);
    await page.getByTestId('sensitivity-section').screenshot({ path: shot });
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await page.close();
  });
});
