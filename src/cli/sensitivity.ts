/**
 * How sure the figures are (issue 21) in the runner: when the model gives its estimates a range (Low/High
 * columns or DefaultRange), the tornado and the simulation are run after the costing, the Sensitivity
 * sheet joins the report, the JSON gains `sensitivity`, and the lines printed name the estimates that
 * matter most and the customers to look closer at.
 */
import { type Dec, dec } from '../engine/decimal';
import type { ModelInput } from '../engine/model';
import type { CostingResult } from '../engine/result';
import { analyseSensitivity } from '../engine/sensitivity/analyse';
import type { SensitivityResult } from '../engine/sensitivity/types';
import type { ReportLanguage } from '../workbook/report-layout';
import { formatMoney } from './format';

/** Whether the model gives any estimate a range: only then is there anything to say about how sure it is. */
export function hasEstimateRanges(model: ModelInput): boolean {
  return model.settings.defaultRange !== undefined || model.activities.some((a) => a.range !== undefined);
}

/** The sensitivity of the costed model, or null when it gives no estimate a range. */
export function runnerSensitivity(model: ModelInput, result: CostingResult): SensitivityResult | null {
  return hasEstimateRanges(model) ? analyseSensitivity(model, result) : null;
}

const TEXT = {
  en: {
    heading: (n: number, seed: number) => `How sure (${n.toLocaleString('en-US')} simulations, seed ${seed}; percentiles are estimates):`,
    top: 'Estimates that matter most (operating profit with capacity resized, Low → High):',
    bar: (what: string, low: string, high: string, swing: string) => `  ${what}: ${low} → ${high} (swing ${swing})`,
    company: (p10: string, p90: string) => `  Operating profit (capacity resized) P10–P90: ${p10} – ${p90}`,
    closer: (n: number) => `  Look closer before acting: ${n} customer(s) whose chance of a loss is between 10% and 90% (see the ABC Sensitivity sheet).`,
  },
  nl: {
    heading: (n: number, seed: number) => `Hoe zeker (${n.toLocaleString('nl-NL')} simulaties, startgetal ${seed}; percentielen zijn schattingen):`,
    top: 'Schattingen die het meest uitmaken (bedrijfsresultaat bij aangepaste capaciteit, Laag → Hoog):',
    bar: (what: string, low: string, high: string, swing: string) => `  ${what}: ${low} → ${high} (bandbreedte ${swing})`,
    company: (p10: string, p90: string) => `  Bedrijfsresultaat (aangepaste capaciteit) P10–P90: ${p10} – ${p90}`,
    closer: (n: number) => `  Eerst nader bekijken: ${n} klant(en) met een kans op verlies tussen 10% en 90% (zie het blad ABC Gevoeligheid).`,
  },
};

/** The lines printed after the summary: the three estimates that matter most, the company's range, the customers to look closer at. */
export function sensitivityLines(s: SensitivityResult, currency: string, language: ReportLanguage): string[] {
  const t = TEXT[language];
  const m = (d: Dec): string => formatMoney(d, currency, language);
  // The simulation's figures are doubles (estimates), shown to the cent like the rest.
  const n = (x: number): string => formatMoney(dec(x.toFixed(2)), currency, language);
  return [
    t.heading(s.simulations, s.seed),
    t.top,
    ...s.tornado.slice(0, 3).map((b) => t.bar(`${b.estimate.activity}${b.estimate.driver === null ? '' : ` / ${b.estimate.driver}`}`, m(b.profitAtLow), m(b.profitAtHigh), m(b.swing))),
    t.company(n(s.company.p10), n(s.company.p90)),
    t.closer(s.lookCloser.length),
  ];
}
