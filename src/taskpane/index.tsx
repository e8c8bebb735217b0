/**
 * The task pane's entry: waits for Office, then renders the pane with the Office.js gateway and a Web
 * Worker for the computation. In the browser tests a simulated host defines `Office` and `Excel` before
 * this script runs; nothing here knows the difference.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createExcelGateway } from '../excel/gateway';
import { buildComparisonSheet } from '../workbook/report-comparison';
import { sharedModelStore } from '../functions/model-store';
import { type OfficeHost, connectToOffice } from '../excel/host';
import { CompareController, currentOfPane } from './compare-controller';
import { App } from './components/App';
import { inlineComputer, workerComputer } from './computer';
import { followModel } from './follow-model';
import { languageOf, stringsFor } from './i18n';
import { SensitivityController } from './sensitivity-controller';

function mount(host: OfficeHost): void {
  const displayLanguage = host.displayLanguage;
  const language = languageOf(displayLanguage);
  const locale = displayLanguage !== '' ? displayLanguage : language === 'nl' ? 'nl-NL' : 'en-US';
  const strings = stringsFor(language);
  const computer = typeof Worker === 'function' ? workerComputer(() => new Worker('compute-worker.js')) : inlineComputer;
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const gateway = createExcelGateway(host.run, host.supports, language);
  // The custom functions share this runtime and this computation: every read of the pane (its start-up
  // check included) is published to them, and edits to the model's cells are followed (follow-model.ts).
  const { controller } = followModel({ actions: gateway, computer, strings, store: sharedModelStore(), language, formatMs: (ms) => integer.format(ms) });
  controller.formatInteger = (n) => integer.format(n);
  const compare = new CompareController(
    gateway,
    currentOfPane(controller, computer),
    strings,
    (comparison, analysis, labels, currency, reportLanguage) => [buildComparisonSheet(comparison, analysis, labels, currency, reportLanguage)],
    () => sharedModelStore().historyChanged(),
  );
  const sensitivity = new SensitivityController(controller, computer, strings);
  const container = document.getElementById('root');
  if (container === null) return;
  document.documentElement.lang = language;
  createRoot(container).render(
    <App controller={controller} strings={strings} language={language} locale={locale} officeTheme={host.theme} compare={compare} sensitivity={sensitivity} />,
  );
}

/**
 * Opened outside Excel (a browser on the add-in's address): says what the page is and how to open it in
 * Excel, in the browser's language since there is no Office to ask, instead of a blank page.
 */
function showOutsideExcel(): void {
  const language = languageOf(typeof navigator === 'undefined' ? '' : navigator.language);
  const strings = stringsFor(language);
  const container = document.getElementById('root');
  if (container === null) return;
  document.documentElement.lang = language;
  createRoot(container).render(
    <main data-testid="outside-office" style={{ padding: '20px 16px', maxWidth: 520, lineHeight: 1.45 }}>
      <h1 style={{ fontSize: 20, fontWeight: 600, margin: '0 0 4px' }}>{strings.title}</h1>
      <p style={{ margin: '0 0 12px', color: '#616161' }}>{strings.subtitle}</p>
      <p data-testid="outside-office-how" style={{ margin: 0 }}>
        {strings.outsideOffice}
      </p>
    </main>,
  );
}

void connectToOffice().then((host) => {
  if (!host.isExcel) {
    showOutsideExcel();
    return;
  }
  mount(host);
});
