/**
 * The worksheet functions register on their own, before the pane and without it (office-js #4981: streaming
 * functions next to a FluentProvider in one shared runtime were reported to show #VALUE! after a saved file
 * was reopened on Windows). In the built page against the simulated host: every function is associated
 * before the pane's script has started, and still when the pane's script never loads.
 */
import fs from 'fs';
import path from 'path';
import { collectProblems, describeIfChromium, paneSession } from './harness';

/** The functions the metadata names (functions.json, generated from the JSDoc of functions.ts). */
function declaredFunctions(dist: string): string[] {
  const json = JSON.parse(fs.readFileSync(path.join(dist, 'functions.json'), 'utf8')) as { functions: Array<{ id: string }> };
  return json.functions.map((f) => f.id.toUpperCase()).sort();
}

describeIfChromium('the worksheet functions register independently of the pane', () => {
  jest.setTimeout(180_000);
  const session = paneSession();

  test('every function is associated before the pane’s script starts', async () => {
    const page = await session.context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${session.base}/taskpane.html?lang=en-US`);
    await page.getByTestId('issue').first().waitFor();
    const registrations = await page.evaluate(() => (window as unknown as { __registrations: Array<{ id: string; paneStarted: boolean }> }).__registrations);
    const declared = declaredFunctions(session.dist);
    expect(declared).toHaveLength(14);
    expect(registrations.map((r) => r.id).sort()).toEqual(declared);
    expect(registrations.filter((r) => r.paneStarted)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the functions register and answer when the pane’s script fails to load', async () => {
    const page = await session.context.newPage();
    await page.route(/\/taskpane(\.[0-9a-f]+)?\.js$/, (route) => route.abort());
    await page.goto(`${session.base}/taskpane.html?lang=en-US`);
    await page.waitForFunction(() => (window as unknown as { __registrations: unknown[] }).__registrations.length === 14);
    // No pane: nothing rendered, yet a formula's call is accepted and waits (#BUSY!) instead of failing.
    expect(await page.evaluate(() => document.getElementById('root')?.childElementCount)).toBe(0);
    const answer = await page.evaluate(() => {
      const w = window as unknown as { __customFunctions: Record<string, (...a: unknown[]) => void> };
      const results: unknown[] = [];
      let failed: string | null = null;
      try {
        w.__customFunctions.PROFIT?.('10527', null, { setResult: (v: unknown) => results.push(v), onCanceled: () => undefined });
      } catch (e) {
        failed = String(e);
      }
      return { results, failed };
    });
    expect(answer).toEqual({ results: [], failed: null });
    await page.close();
  });
});
