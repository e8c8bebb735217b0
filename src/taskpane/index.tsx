/**
 * The task pane's entry: waits for Office, then renders the pane with the Office.js gateway and a Web
 * Worker for the computation. In the browser tests a simulated host defines `Office` and `Excel` before
 * this script runs; nothing here knows the difference.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createExcelGateway } from '../excel/gateway';
import { sharedModelStore } from '../functions/model-store';
import { type OfficeHost, connectToOffice } from '../excel/host';
import { App } from './components/App';
import { inlineComputer, workerComputer } from './computer';
import { PaneController } from './controller';
import { languageOf, stringsFor } from './i18n';

function mount(host: OfficeHost): void {
  const displayLanguage = host.displayLanguage;
  const language = languageOf(displayLanguage);
  const locale = displayLanguage !== '' ? displayLanguage : language === 'nl' ? 'nl-NL' : 'en-US';
  const strings = stringsFor(language);
  const computer = typeof Worker === 'function' ? workerComputer(() => new Worker('compute-worker.js')) : inlineComputer;
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const gateway = createExcelGateway(host.run);
  // The custom functions share this runtime: until the first Refresh they read the model themselves,
  // afterwards every computation of the pane is published to them, so no formula shows a stale figure.
  const functionsModel = sharedModelStore();
  functionsModel.setSource({ readGrids: async () => (await gateway.readModel()).grids });
  const controller = new PaneController(gateway, computer, strings, (ms) => integer.format(ms), (output) =>
    functionsModel.publishJson({ issues: output.issues, json: output.json, language }),
  );
  const container = document.getElementById('root');
  if (container === null) return;
  document.documentElement.lang = language;
  createRoot(container).render(<App controller={controller} strings={strings} language={language} locale={locale} />);
}

void connectToOffice().then((host) => {
  if (!host.isExcel) {
    const root = document.getElementById('root');
    if (root !== null) root.textContent = 'Open this add-in in Excel.';
    return;
  }
  mount(host);
});
