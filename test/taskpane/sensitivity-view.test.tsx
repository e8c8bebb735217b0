/**
 * The How sure? view as markup, in Dutch, after a Run on the sample (the hand-made analyser of
 * hand-sensitivity.ts, computed inline): ten tornado bars with their estimate's range in the pane's words,
 * the look-closer customers with today, P10–P90 and the chance of a loss, and the company's range.
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createExcelGateway } from '../../src/excel/gateway';
import { SensitivityView } from '../../src/taskpane/components/SensitivityView';
import { sessionComputer } from '../../src/taskpane/computer';
import { PaneController } from '../../src/taskpane/controller';
import { formatter } from '../../src/taskpane/figures';
import { stringsFor } from '../../src/taskpane/i18n';
import { SensitivityController } from '../../src/taskpane/sensitivity-controller';
import { FakeWorkbook, fakeRun } from '../excel/fake-excel';
import { handSession } from './hand-sensitivity';

test('after Run, in Dutch: ten bars, the look-closer table and the company\'s range', async () => {
  const book = new FakeWorkbook();
  book.addSheet('Blad1');
  const strings = stringsFor('nl');
  const computer = sessionComputer(handSession());
  const pane = new PaneController(createExcelGateway(fakeRun(book)), computer, strings);
  await pane.insertSample();
  const sensitivity = new SensitivityController(pane, computer, strings);
  const format = formatter('nl-NL', 'EUR');
  const before = renderToStaticMarkup(<SensitivityView sensitivity={sensitivity} strings={strings} format={format} busy={false} locale="nl-NL" />);
  expect(before).toContain('>Uitvoeren<');
  expect(before).not.toContain('data-testid="tornado"');

  await sensitivity.run();
  const view = sensitivity.getState().view;
  if (view === null) throw new Error(`no view: ${JSON.stringify(sensitivity.getState().notice)}`);
  const html = renderToStaticMarkup(<SensitivityView sensitivity={sensitivity} strings={strings} format={format} busy={false} locale="nl-NL" />);
  expect(html.match(/data-testid="tornado-bar"/g)).toHaveLength(10);
  expect(html).toContain('De schattingen die het zwaarst wegen');
  const top = view.bars[0]!;
  expect(html).toContain(`Op Laag ${format.money(top.profitAtLow)}, op Hoog ${format.money(top.profitAtHigh)}: uitslag ${format.money(top.swing)}`);
  // The estimate's range in Dutch numbers: the top bar's Low 80 % of its value (hand-sensitivity.ts).
  const kind = stringsFor('nl').estimateKind[top.kind];
  const nl = (n: number): string => (top.kind === 'share' ? format.percent(n) : new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 4 }).format(n));
  expect(html).toContain(strings.estimateRange(kind, nl(top.low), nl(top.value), nl(top.high)));
  // The sample's last activity row: parcels at 8.25 a parcel, so 6.6 – 9.9 in Dutch.
  expect(html).toContain('tarief 6,6 – 9,9 (nu 8,25)');
  expect(html.match(/data-testid="look-closer-row"/g)).toHaveLength(view.lookCloser.length);
  const first = view.lookCloser[0]!;
  expect(html).toContain(`data-customer="${first.customer}"`);
  expect(html).toContain(`${format.money(first.p10)} – ${format.money(first.p90)}`);
  expect(html).toContain('Kans op verlies');
  expect(html).toContain(
    strings.companyRange(format.money(view.company.p10), format.money(view.company.median), format.money(view.company.p90), format.integer(1000), '20260101'),
  );
  expect(html).toContain(`En nog ${view.moreLookCloser}.`);
});
