import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createExcelGateway } from '../../src/excel/gateway';
import { ModelStatus } from '../../src/taskpane/components/ModelStatus';
import { inlineComputer } from '../../src/taskpane/computer';
import { PaneController } from '../../src/taskpane/controller';
import { formatter } from '../../src/taskpane/figures';
import { type Language, stringsFor } from '../../src/taskpane/i18n';
import { fakeRun, FakeWorkbook } from '../excel/fake-excel';

/** Where the sample's pools are: a Dutch pane inserts the Dutch sample. */
const POOLS_SHEET: Record<Language, string> = { en: 'Pools', nl: 'Kostenpools' };

/** The sample model with text where Pools!B2 (Cost) needs a number, checked by a pane in `language`. */
async function checkedBadCell(language: Language) {
  const book = new FakeWorkbook();
  book.addSheet('Sheet1');
  const strings = stringsFor(language);
  const controller = new PaneController(createExcelGateway(fakeRun(book)), inlineComputer, strings);
  await controller.insertSample();
  book.sheet(POOLS_SHEET[language])?.setValues('B2', [['lots']]);
  await controller.check();
  const state = controller.getState();
  const html = renderToStaticMarkup(
    <ModelStatus ranges={state.ranges ?? []} issues={state.issues} strings={strings} format={formatter(language === 'nl' ? 'nl-NL' : 'en-US', 'EUR')} onSelect={() => undefined} />,
  );
  const text = html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
  return { state, strings, text };
}

describe('problem messages in the pane language', () => {
  it('a Dutch pane (its sample in Dutch) shows a bad cell in Dutch, with the same header, value and cell', async () => {
    const { state, strings, text } = await checkedBadCell('nl');
    const issue = state.issues.find((i) => i.code === 'NOT_A_NUMBER');
    expect(issue?.where).toEqual({ range: 'ABC_Pools', sheet: 'Kostenpools', cell: 'B2' });
    // The English message stays what the runner and the JSON give.
    expect(issue?.message).toBe('Kosten must be a number; found "lots".');
    const dutch = 'Kosten moet een getal zijn; er staat "lots".';
    expect(issue && strings.issueMessage(issue.text)).toBe(dutch);
    expect(text).toContain(`Geen getal. ${dutch} Kostenpools!B2 (ABC_Pools)`);
    expect(text).not.toContain('must be a number');
  });

  it('an English pane shows the English message as before', async () => {
    const { text } = await checkedBadCell('en');
    expect(text).toContain('Not a number. Cost must be a number; found "lots". Pools!B2 (ABC_Pools)');
  });
});
