/** The pane's headline questions implausible figures: issue 17's pools at 11.6% and 120% of capacity. */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createExcelGateway } from '../../src/excel/gateway';
import { HeadlineFigures } from '../../src/taskpane/components/Headline';
import { inlineComputer } from '../../src/taskpane/computer';
import { PaneController } from '../../src/taskpane/controller';
import { formatter, headlineOf } from '../../src/taskpane/figures';
import { type Language, stringsFor } from '../../src/taskpane/i18n';
import { FakeWorkbook, fakeRun } from '../excel/fake-excel';
import { LOW_USE_MESSAGE, OVER_USE_MESSAGE, TWO_POOL_NAMES, TWO_POOL_SHEETS } from '../helpers/two-pool-model';

/** Refreshes the two-pool model in a pane of `language` and renders its headline as text. */
async function headlineText(language: Language): Promise<{ text: string; codes: string[] }> {
  const book = new FakeWorkbook();
  for (const [sheet, rows] of TWO_POOL_SHEETS) book.addSheet(sheet).setValues('A1', rows);
  for (const { name, formula } of TWO_POOL_NAMES) book.addName(name, `=${formula}`);
  const strings = stringsFor(language);
  const controller = new PaneController(createExcelGateway(fakeRun(book)), inlineComputer, strings);
  await controller.refresh();
  const state = controller.getState();
  expect(state.error).toBeNull();
  const json = state.output?.json ?? null;
  const headline = json === null ? null : headlineOf(json);
  if (headline === null) throw new Error('no headline');
  const html = renderToStaticMarkup(
    <HeadlineFigures headline={headline} strings={strings} format={formatter(language === 'nl' ? 'nl-NL' : 'en-US', 'EUR')} issues={state.issues} />,
  );
  const codes = [...html.matchAll(/data-testid="headline-warning" data-code="([A-Z_]+)"/g)].map((m) => m[1] ?? '');
  return { text: html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' '), codes };
}

describe('plausibility warnings in the pane headline', () => {
  it('shows both pools under the figures, each with its location', async () => {
    const { text, codes } = await headlineText('en');
    expect(codes).toEqual(['LOW_CAPACITY_USE', 'OVER_CAPACITY']);
    expect(text).toContain('Check these figures');
    expect(text).toContain(`${LOW_USE_MESSAGE} Pools!A2 (ABC_Pools)`);
    expect(text).toContain(`${OVER_USE_MESSAGE} Pools!A3 (ABC_Pools)`);
  });

  it('in Dutch in a Dutch pane', async () => {
    const { text } = await headlineText('nl');
    expect(text).toContain('Controleer deze cijfers');
    expect(text).toContain('Kostenpool "Warehouse" gebruikte 11,6% van de praktische capaciteit (1.160 van 10.000 minuten): de onbenutte capaciteit kost EUR 8.840,00');
    expect(text).toContain('Kostenpool "Transport" gebruikte 1.200 minuten, 120,0% van de praktische capaciteit van 1.000 (200 meer)');
  });

  it('shows no warning block when nothing is implausible', () => {
    const strings = stringsFor('en');
    const headline = { netRevenue: 1, grossMargin: 1, costToServe: 0, netProfit: 1, operatingProfit: 1, unusedCapacity: 0, lossMaking: 0, customers: 1, topFifthShare: 1 };
    const html = renderToStaticMarkup(<HeadlineFigures headline={headline} strings={strings} format={formatter('en-US', 'EUR')} issues={[]} />);
    expect(html).not.toContain('headline-warnings');
  });
});
