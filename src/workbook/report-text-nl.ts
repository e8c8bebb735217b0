/**
 * The report sheets' texts in Dutch, in the terms Dutch controllers use and the task pane and the Dutch
 * problem messages already use: kostenpool, activiteit, kostendrijver, netto-omzet, brutomarge,
 * onbenutte capaciteit, niet toegerekend, bedrijfsresultaat. "Cost-to-serve" is kept as the Dutch
 * trade term it is (the task pane says it too); net profit is "nettoresultaat", because it is often a loss.
 */
import type { ReportText } from './report-text';

export const REPORT_TEXT_NL: ReportText = {
  sheetNames: {
    pnl: 'ABC Klantresultaat',
    rates: 'ABC Tarieven',
    summary: 'ABC Samenvatting',
  },

  common: {
    note: (a) =>
      `Periode: ${a.period ?? '(niet ingesteld)'} · Valuta: ${a.currency} · ${
        a.unusedCapacity === 'assign'
          ? 'onbenutte capaciteit aan klanten toegerekend naar rato van de minuten die zij gebruikten'
          : 'onbenutte capaciteit apart gerapporteerd, niet aan klanten toegerekend'
      }`,
    total: 'Totaal',
    true: 'WAAR',
    false: 'ONWAAR',
    method: { time: 'Tijdgedreven', share: 'Aandeel van de kostenpool', rate: 'Tarief' },
  },

  pnl: {
    title: 'Klantwinstgevendheid: resultaat per klant (activiteitengebaseerde kostprijsberekening)',
    rank: 'Rang',
    customer: 'Klant',
    name: 'Naam',
    revenue: 'Omzet',
    discounts: 'Korting',
    netRevenue: 'Netto-omzet',
    cogs: 'Kostprijs omzet',
    grossMargin: 'Brutomarge',
    grossMarginPercent: 'Brutomarge %',
    unusedCapacityOf: (pool) => `Onbenutte capaciteit: ${pool}`,
    costToServe: 'Cost-to-serve',
    directCosts: 'Directe kosten',
    netProfit: 'Nettoresultaat',
    netProfitPercent: 'Nettoresultaat %',
    cumulativeNetProfit: 'Cumulatief nettoresultaat',
    cumulativeProfitShare: 'Cumulatief aandeel in het resultaat',
    customerCount: (n) => (n === 1 ? '1 klant' : `${n} klanten`),
  },

  rates: {
    title: 'Activiteitengebaseerde kostprijsberekening: kostenpools, activiteiten en tarieven',
    poolsSection: 'Kostenpools',
    pool: 'Kostenpool',
    method: 'Methode',
    cost: 'Kosten',
    capacityMinutes: 'Capaciteit (min)',
    costPerMinute: 'Kosten per minuut',
    usedMinutes: 'Gebruikt (min)',
    unusedMinutes: 'Onbenut (min)',
    unusedCapacityCost: 'Kosten onbenutte capaciteit',
    unassigned: 'Niet toegerekend',
    activitiesCost: 'Kosten activiteiten',
    timeDrivenPool: 'Tijdgedreven',
    sharePool: 'Traditioneel (aandelen)',
    activitiesSection: 'Activiteiten en kostendrijvers',
    activity: 'Activiteit',
    driver: 'Kostendrijver',
    termValue: 'Minuten / aandeel / tarief',
    totalQuantity: 'Totaal aantal',
    costPerDriverUnit: 'Kosten per eenheid kostendrijver',
    activityCost: 'Kosten activiteit',
    businessSustaining: '(bedrijfsondersteunend, geen kostendrijver)',
  },

  summary: {
    title: 'Klantwinstgevendheid op basis van activiteiten: samenvatting',
    headlineSection: 'Kerncijfers',
    figure: 'Kengetal',
    value: 'Waarde',
    revenue: 'Omzet',
    discounts: 'Korting',
    netRevenue: 'Netto-omzet',
    cogs: 'Kostprijs van de omzet',
    grossMargin: 'Brutomarge',
    grossMarginPercent: 'Brutomarge %',
    costToServe: 'Cost-to-serve',
    directCosts: 'Directe klantkosten',
    customersNetProfit: 'Nettoresultaat van de klanten',
    netProfitPercent: 'Nettoresultaat %',
    unusedCapacityCost: 'Kosten onbenutte capaciteit (niet aan klanten toegerekend)',
    unassignedCost: 'Niet toegerekende kosten',
    operatingProfit: 'Bedrijfsresultaat',
    customers: 'Klanten',
    lossMakingCustomers: 'Verlieslatende klanten',
    lossMakingShare: 'Aandeel verlieslatende klanten',
    lossMakingProfit: 'Nettoresultaat van de verlieslatende klanten',
    topShare: (count) => `Aandeel in het resultaat van de beste 20% (${count === 1 ? '1 klant' : `${count} klanten`})`,

    poolSection: 'Aansluiting per kostenpool: kosten = activiteiten + onbenutte capaciteit + niet toegerekend',
    pool: 'Kostenpool',
    cost: 'Kosten',
    activitiesCost: 'Kosten activiteiten',
    notCharged: 'waarvan niet aan klanten toegerekend',
    poolUnusedCost: 'Kosten onbenutte capaciteit',
    poolUnassigned: 'Niet toegerekend (aandelen onder 100%)',
    difference: 'Verschil',

    companySection: 'Aansluiting van het bedrijfsresultaat',
    line: 'Regel',
    amount: 'Bedrag',
    sumOfCustomerProfit: 'Som van het nettoresultaat van de klanten',
    lessUnusedCapacity: 'Af: kosten onbenutte capaciteit, niet aan klanten toegerekend',
    lessUnassigned: 'Af: niet toegerekende kosten',
    differenceToReported: 'Verschil met het gerapporteerde bedrijfsresultaat',
    lessCogs: 'Af: kostprijs van de omzet',
    lessPoolCosts: 'Af: kosten van de kostenpools',
    lessRateCosts: 'Af: kosten van activiteiten tegen tarief',
    lessDirectCosts: 'Af: directe klantkosten',

    warningsSection: 'Waarschuwingen',
    code: 'Code',
    location: 'Locatie',
    message: 'Melding',
    noWarnings: 'Geen waarschuwingen.',
  },

  whale: {
    section: 'Walviscurve',
    chartTitle: 'Walviscurve: cumulatieve nettowinst',
    axisX: 'Klanten, meest winstgevend eerst',
    axisY: 'Cumulatieve nettowinst, % van totaal',
    series: 'Cumulatieve nettowinst',
    peak: 'Top',
    noCustomers: 'Er zijn geen klanten, dus er is geen walviscurve.',
    notMeaningful: (profitable, lossMaking) =>
      `De totale klantwinst is niet positief, dus aandelen daarin zeggen niets: ${profitable === 1 ? '1 klant maakt' : `${profitable} klanten maken`} winst, ${lossMaking === 1 ? '1 maakt' : `${lossMaking} maken`} verlies.`,
    noneGiveBack: (profitable, customers) =>
      customers === 1
        ? 'De enige klant verdient de hele winst.'
        : `${profitable === 1 ? 'De enige winstgevende klant verdient' : `De ${profitable} winstgevende klanten verdienen`} de hele winst; geen enkele klant geeft daar iets van terug.`,
    peakAndTail: ({ peak, peakPercent, tail, givenBackPercent }) =>
      `${peak === 1 ? 'De meest winstgevende klant verdient' : `De ${peak} meest winstgevende klanten verdienen`} ${peakPercent}% van de totale winst; ` +
      `${tail === 1 ? 'de laatste klant geeft' : `de laatste ${tail} geven`} daarvan ${givenBackPercent}% weer terug.`,
  },

  statement: {
    sheetPrefix: 'ABC Klantoverzicht ',
    title: (customer, name) => `Klantoverzicht: ${customer}${name === null ? '' : ` ${name}`}`,
    customer: 'Klant',
    name: 'Naam',
    orders: (driver) => `Orders (${driver})`,
    segmentCustomers: (dimension, value) => `Klanten met ${dimension} ${value}`,
    companyCustomers: 'Klanten van het bedrijf',
    line: 'Regel',
    thisCustomer: 'Deze klant',
    segmentAverage: (value) => `Gemiddelde klant: ${value}`,
    companyAverage: 'Gemiddelde klant: bedrijf',
    amount: 'Bedrag',
    perOrder: 'Per order',
    percentOfNetRevenue: '% van netto-omzet',
    trailSection: 'Waar de cost-to-serve vandaan komt',
    activity: 'Activiteit',
    driver: 'Kostendrijver',
    quantity: 'Aantal',
    minutesPerUnit: 'Minuten per eenheid',
    costPerUnit: 'Kosten per eenheid',
    minutesUsed: 'Gebruikte minuten',
    trailTotal: 'Cost-to-serve',
    gone: (customer) =>
      `Klant ${customer} staat niet meer in ABC_Customers: dit klantoverzicht van een eerdere run is leeggemaakt, zodat het geen oude cijfers toont. Verwijder het blad als u het niet meer nodig hebt.`,
  },

  rollups: {
    section: (dimension) => `Nettoresultaat per ${dimension}`,
    customers: 'Klanten',
    lossMaking: 'Verlieslatend',
    netRevenue: 'Netto-omzet',
    grossMargin: 'Brutomarge',
    costToServe: 'Cost-to-serve',
    directCosts: 'Directe kosten',
    netProfit: 'Nettoresultaat',
    netProfitPercent: 'Nettoresultaat %',
    blank: '(leeg)',
  },
};
