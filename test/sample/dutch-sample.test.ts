/**
 * The sample wholesaler in Dutch (`--sample --lang nl`, "Insert sample model" in a Dutch pane): its own
 * data in Dutch (pools, activities, drivers, segments, cost items, scenarios, settings, headers), and the
 * very same figures as the English sample, to the cent, for the company and for every customer.
 */
import { toNumber, type Dec } from '../../src/engine/decimal';
import { runModel } from '../../src/engine/run';
import { runScenarios } from '../../src/engine/scenarios/run-scenarios';
import type { CostingResult } from '../../src/engine/result';
import { scenarioFiguresOf } from '../../src/functions/scenario-figures';
import { DEFAULT_SAMPLE_SEED, generateSampleModel, gridsOf, type SampleSheet } from '../../src/sample';
import { readContract } from '../../src/workbook/contract';
import type { CellValue } from '../../src/workbook/grid';

function cost(sheets: readonly SampleSheet[]) {
  const read = readContract(gridsOf(sheets));
  const outcome = runModel(read.model, read.issues);
  if (outcome.result === null) throw new Error(outcome.issues.map((i) => `${i.code}: ${i.message}`).join('\n'));
  const scenarios = runScenarios(read.model, outcome.result);
  return { result: outcome.result, issues: [...outcome.issues, ...scenarios.issues], scenarios: scenarios.outcomes.map(scenarioFiguresOf) };
}

const totals = (r: CostingResult) => Object.fromEntries(Object.entries(r.totals).map(([k, v]) => [k, toNumber(v)]));
const sheetOf = (sheets: readonly SampleSheet[], range: string): SampleSheet => {
  const s = sheets.find((x) => x.rangeName === range);
  if (s === undefined) throw new Error(`no ${range}`);
  return s;
};
const column = (s: SampleSheet, header: string): CellValue[] => {
  const at = s.rows[0]?.indexOf(header) ?? -1;
  if (at < 0) throw new Error(`${s.sheet} has no column ${header}`);
  return s.rows.slice(1).map((r) => r[at] ?? null);
};

describe('the sample in Dutch', () => {
  const english = generateSampleModel();
  const dutch = generateSampleModel(DEFAULT_SAMPLE_SEED, 'nl');
  const en = cost(english);
  const nl = cost(dutch);

  test('English stays the default', () => {
    expect(generateSampleModel(DEFAULT_SAMPLE_SEED, 'en')).toEqual(english);
  });

  test('reads and computes without a single error or warning, scenarios included', () => {
    expect(nl.issues).toEqual([]);
    expect(nl.result.customers).toHaveLength(250);
  });

  test('gives the same company figures to the cent', () => {
    expect(totals(nl.result)).toEqual(totals(en.result));
    expect(totals(nl.result).operatingProfit).toBe(totals(en.result).operatingProfit);
  });

  test("gives every customer the same net profit and cost to serve to the cent", () => {
    const figures = (r: CostingResult) =>
      r.customers.map((c) => [c.customer, c.netProfit.toFixed(2), c.costToServe.toFixed(2)]).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(figures(nl.result)).toEqual(figures(en.result));
    expect(figures(nl.result)).toHaveLength(250);
  });

  test('gives the same pool and activity costs, under Dutch names', () => {
    const unused = (d: Dec | null): number | null => (d === null ? null : toNumber(d));
    expect(nl.result.pools.map((p) => [p.pool, toNumber(p.cost), unused(p.unusedCost)])).toEqual(
      en.result.pools.map((p, i) => [['Binnendienst', 'Administratie', 'Magazijn', 'Transport'][i], toNumber(p.cost), unused(p.unusedCost)]),
    );
    expect(nl.result.activities.map((a) => toNumber(a.cost))).toEqual(en.result.activities.map((a) => toNumber(a.cost)));
    expect(nl.result.activities.map((a) => a.activity)).toContain('Order invoeren');
  });

  test("gives the same scenario figures under the scenarios' Dutch names", () => {
    expect(nl.scenarios.map((s) => s.scenario)).toEqual(['Ordertoeslag horeca', 'EDI-orderinvoer winkelketens', 'Minimumorder 8 orderregels']);
    // The figures without the names, which are Dutch now: every amount, minute and customer the same.
    const figures = (list: typeof en.scenarios) => list.map((s) => JSON.stringify({ ...s, scenario: '', pools: s.pools.map((p) => ({ ...p, pool: '' })) }));
    const same = figures(nl.scenarios).map((f, i) => f === figures(en.scenarios)[i]);
    expect(same).toEqual([true, true, true]);
    expect(nl.scenarios.map((s) => s.after.exact.operatingProfit)).toEqual(en.scenarios.map((s) => s.after.exact.operatingProfit));
  });

  test('reads the same ranges of the estimates, with the group and DefaultRange in Dutch', () => {
    const read = (sheets: readonly SampleSheet[]) => readContract(gridsOf(sheets)).model;
    const ranges = (sheets: readonly SampleSheet[]) => read(sheets).activities.map((a) => [a.range?.low.toString() ?? null, a.range?.high.toString() ?? null, a.range?.where?.cell ?? null]);
    expect(ranges(dutch)).toEqual(ranges(english));
    const groups = read(dutch).activities.filter((a) => a.group !== undefined).map((a) => [a.activity, a.group]);
    expect(groups).toEqual([
      ['Orderpicken', 'Tijdmeting magazijn'],
      ['Orderpicken', 'Tijdmeting magazijn'],
      ['Orderpicken', 'Tijdmeting magazijn'],
      ['Speciale magazijnhandelingen', 'Tijdmeting magazijn'],
      ['Retourverwerking', 'Tijdmeting magazijn'],
    ]);
    expect(sheetOf(dutch, 'ABC_Settings').rows.find((r) => r[0] === 'Standaardbandbreedte')).toEqual(['Standaardbandbreedte', '±20%']);
    const range = read(dutch).settings.defaultRange;
    expect([range?.below.toString(), range?.above.toString()]).toEqual(['0.2', '0.2']);
  });

  test("has the contract's Dutch headers and Dutch sheet names", () => {
    expect(dutch.map((s) => [s.sheet, s.rows[0]])).toEqual([
      ['Kostenpools', ['Kostenpool', 'Kosten', 'Capaciteit', 'Eenheid', 'FTE', 'Toelichting']],
      ['Activiteiten', ['Activiteit', 'Kostenpool', 'Kostendrijver', 'Minuten', 'Aandeel', 'Tarief', 'Laag', 'Hoog', 'Groep']],
      ['Klanten', ['Klant', 'Naam', 'Segment', 'Regio', 'Accountmanager', 'Omzet', 'Korting', 'Kostprijs omzet']],
      ['Transacties', ['Klant', 'Kostendrijver', 'Aantal', 'Referentie', 'Datum']],
      ['Klantkosten', ['Klant', 'Kostenpost', 'Bedrag']],
      ['Instellingen', ['Instelling', 'Waarde']],
      ["Scenario's", ['Scenario', 'Bereik', 'Wijziging', 'Doel', 'Waarde']],
      ['Grootboek', ['Rekening', 'Omschrijving', 'Bedrag', 'Kostenpool']],
      ['Doorbelasting', ['Van', 'Naar', 'Aandeel', 'Aantal', 'Toelichting']],
    ]);
  });

  test('has its own data in Dutch: drivers, segments, cost items, settings, scenarios', () => {
    expect(new Set(column(sheetOf(dutch, 'ABC_Volumes'), 'Kostendrijver'))).toEqual(
      new Set(['Orders', 'Orderregels', 'Spoedorders', 'Offertes', 'Speciale handelingen', 'Retouren', 'Afleveringen', 'Afleverservices', 'Facturen', 'Maanden boven kredietlimiet', 'Betalingsherinneringen', 'Pakketten']),
    );
    expect(new Set(column(sheetOf(dutch, 'ABC_Customers'), 'Segment'))).toEqual(new Set(['Winkelketen', 'Zelfstandige winkel', 'Horeca', 'Instellingen', 'Webwinkels']));
    expect(new Set(column(sheetOf(dutch, 'ABC_Customers'), 'Accountmanager'))).toContain('Binnendienst');
    expect(new Set(column(sheetOf(dutch, 'ABC_CustomerCosts'), 'Kostenpost'))).toEqual(new Set(['Eindejaarsbonus', 'Promotiebijdrage', 'Franco levering']));
    expect(sheetOf(dutch, 'ABC_Settings').rows.slice(0, 6)).toEqual([
      ['Instelling', 'Waarde'],
      ['Valuta', 'EUR'],
      ['Periode', '2026'],
      ['OngebruikteCapaciteit', 'rapporteren'],
      ['Orderdrijver', 'Orders'],
      ['Orderregeldrijver', 'Orderregels'],
    ]);
    expect(sheetOf(dutch, 'ABC_Scenarios').rows.slice(1)).toEqual([
      ['Ordertoeslag horeca', 'Segment=Horeca', 'vergoeding', 'Orders', 15],
      ['EDI-orderinvoer winkelketens', 'Segment=Winkelketen', 'minuten', 'Order invoeren / Orders', 1],
      ['Minimumorder 8 orderregels', 'alle', 'minimumorder', null, 8],
    ]);
    expect(column(sheetOf(dutch, 'ABC_Pools'), 'Toelichting')).toEqual([
      expect.stringMatching(/^\d+(,5)? fte × 1\.600 uur × 60 min × 80% praktisch$/),
      '7 fte; conventionele kostenpool: kosten verdeeld op aandelen uit een tijdschrijfonderzoek (zie Aandeel in Activiteiten)',
      expect.stringMatching(/fte × 1\.600 uur/),
      expect.stringMatching(/fte × 1\.600 uur/),
      "2,5 fte; ondersteunende afdeling zonder activiteiten: haar kosten worden doorbelast (zie Doorbelasting), grondslag: pc's en werkplekken",
      '3 fte; ondersteunende afdeling zonder activiteiten: haar kosten worden doorbelast (zie Doorbelasting), grondslag: aantal medewerkers',
      '2 fte; ondersteunende afdeling zonder activiteiten: haar kosten worden doorbelast (zie Doorbelasting), grondslag: tijdsbesteding volgens de directie',
    ]);
    expect(column(sheetOf(dutch, 'ABC_Resources'), 'Omschrijving').slice(0, 3)).toEqual(['Salarissen binnendienst', 'Salarissen administratie', 'Salarissen magazijn']);
    expect(new Set(column(sheetOf(dutch, 'ABC_Support'), 'Van'))).toEqual(new Set(['ICT', 'P&O en facilitair', 'Directie']));
    expect(new Set(column(sheetOf(dutch, 'ABC_Support'), 'Toelichting'))).toEqual(new Set(["Pc's en werkplekken", 'Aantal medewerkers', 'Tijdsbesteding volgens de directie']));
    expect(new Set(column(sheetOf(dutch, 'ABC_Volumes'), 'Referentie').map((r) => String(r).replace(/\d+/g, '#')))).toEqual(
      new Set(['K# totaal', 'Kredietbeoordeling', 'VO#-#', 'RMA#-#', 'HER#-#', 'OFF#-#']),
    );
  });
});
