/**
 * The report in Dutch from the built pane against the simulated host: Office's display language is
 * Dutch (`?lang=nl-NL`) and the sample names no language, so the report sheets are Dutch, with Dutch titles,
 * and each carries the mark of its role. Saves test-output/report-dutch.png.
 */
import fs from 'fs';
import path from 'path';
import { ownerValue } from '../../src/excel/owner';
import { stringsFor } from '../../src/taskpane/i18n';
import { collectProblems, describeIfChromium, OUTPUT, paneSession } from './harness';

/** What the page's fake workbook exposes to the test. */
interface PageBook {
  sheets: Array<{ name: string }>;
  sheet(name: string): { valuesOf(a: string): unknown[][] };
  hiddenNamesOf(sheet: string): Array<{ name: string; formula: string }>;
}

/** The sample has a ledger (Grootboek) and support pools (Doorbelasting), so its report ends with the cost flow. */
const NL = ['ABC Klantresultaat', 'ABC Tarieven', 'ABC Samenvatting', 'ABC Acties', 'ABC Kostenstroom'];

describeIfChromium('the report in Dutch from the task pane', () => {
  jest.setTimeout(180_000);
  const session = paneSession();

  test('with Office in Dutch and no Language setting, Refresh writes ABC Klantresultaat, ABC Tarieven and ABC Samenvatting', async () => {
    const nl = stringsFor('nl');
    const page = await session.context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${session.base}/taskpane.html?lang=nl-NL`);
    await page.getByTestId('insert-sample').click();
    await page.getByText(nl.sampleInserted).waitFor();
    await page.getByTestId('refresh').click();
    await page.getByText('Rapport geschreven').waitFor();

    const report = await page.evaluate((names) => {
      const book = (window as unknown as { __fakeBook: PageBook }).__fakeBook;
      return {
        sheets: book.sheets.map((s) => s.name),
        titles: names.map((n) => book.sheet(n).valuesOf('A1')[0]?.[0]),
        revenue: book.sheet('ABC Samenvatting').valuesOf('A5:B5')[0],
        marks: names.map((n) => book.hiddenNamesOf(n).map((m) => m.formula)),
      };
    }, NL);
    expect(report.sheets.slice(-5)).toEqual(NL);
    // The sample's kept 2025 sits in the hidden ABC Historie, named in Dutch too, before the report.
    expect(report.sheets.filter((s) => s.startsWith('ABC '))).toEqual(['ABC Historie', ...NL]);
    expect(report.titles).toEqual([
      'Klantwinstgevendheid: resultaat per klant (activiteitengebaseerde kostprijsberekening)',
      'Activiteitengebaseerde kostprijsberekening: kostenpools, activiteiten en tarieven',
      'Klantwinstgevendheid op basis van activiteiten: samenvatting',
      'Acties om verlieslatende klanten kostendekkend te maken',
      'Kostenstroom: van het grootboek via de ondersteunende afdelingen naar de operationele kostenpools',
    ]);
    expect(report.revenue).toEqual(['Omzet', 41_824_088.01]);
    expect(report.marks).toEqual([[`=${ownerValue('pnl')}`], [`=${ownerValue('rates')}`], [`=${ownerValue('summary')}`], [`=${ownerValue('actions')}`], [`=${ownerValue('costFlow')}`]]);
    await page.getByText(`Rapport geschreven: ${NL.join(', ')}.`, { exact: false }).waitFor();

    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'report-dutch.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
