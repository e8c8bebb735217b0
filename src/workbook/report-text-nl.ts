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
    actions: 'ABC Acties',
    scenarios: "ABC Scenario's",
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

  actions: {
    title: 'Acties om verlieslatende klanten kostendekkend te maken',
    method:
      'Kostendekkende toeslag: het verlies gedeeld door het aantal bestellingen, naar boven afgerond op centen. Minimale orderregels per bestelling: ' +
      'dezelfde orderregels in minder bestellingen; elke bestelling die vervalt bespaart de minuten van haar tijdvergelijkingen tegen de huidige ' +
      'kosten per minuut (capaciteit ongewijzigd) en haar tarieven; een aandeel van een conventionele kostenpool telt tegen de huidige kosten per eenheid, een benadering.',
    missingSettings: ({ orderDriver, orderLineDriver }) =>
      orderDriver && orderLineDriver
        ? 'Stel de instellingen Orderdrijver (de kostendrijver die de bestellingen telt) en Orderregeldrijver (de kostendrijver die de orderregels telt) in om de kostendekkende toeslag per bestelling en de minimale ordergrootte te zien.'
        : orderDriver
          ? 'Stel de instelling Orderdrijver (de kostendrijver die de bestellingen telt) in om de kostendekkende toeslag per bestelling en de minimale ordergrootte te zien.'
          : 'Stel de instelling Orderregeldrijver (de kostendrijver die de orderregels telt) in om de minimale ordergrootte te zien.',
    lossSummary: (count) => (count === 1 ? '1 klant maakt verlies, samen' : `${count} klanten maken verlies, samen`),
    worstFee: (name) => `De grootste verliesmaker, ${name}, wordt kostendekkend met een toeslag per bestelling van`,
    worstNoOrders: (name) => `De grootste verliesmaker, ${name}, plaatste geen bestellingen, dus geen toeslag per bestelling kan het verlies dekken.`,
    worstIs: (name) => `Grootste verliesmaker: ${name}.`,
    percentile: 'Orderregels per bestelling: 90e percentiel van de klanten met bestellingen (dichtstbijzijnde rang)',
    none: 'Geen enkele klant maakt verlies, dus geen klant heeft een actie nodig om kostendekkend te worden.',
    rank: 'Rang',
    customer: 'Klant',
    name: 'Naam',
    netProfit: 'Nettoresultaat',
    activity: (n) => `Activiteit ${n}`,
    activityCost: (n) => `Kosten activiteit ${n}`,
    orders: (driver) => `Bestellingen (${driver})`,
    lines: (driver) => `Orderregels (${driver})`,
    linesPerOrder: 'Orderregels per bestelling nu',
    fee: 'Kostendekkende toeslag per bestelling',
    minimumLines: 'Minimale orderregels per bestelling om kostendekkend te worden',
    assessment: 'Beoordeling',
    plausible: 'Haalbaar: binnen wat 90% van de klanten bestelt',
    notPlausible: 'Niet haalbaar: boven wat 90% van de klanten bestelt (het 90e percentiel hierboven)',
    notByOrderSize: 'Alleen de ordergrootte kan het verlies niet dekken',
    noOrders: 'Geen bestellingen',
    methodFee:
      'Gemiddelde orderwaarde: de netto-omzet gedeeld door het aantal orders. De ordertoeslag is aanvaardbaar als hij hoogstens het hieronder genoemde aandeel ' +
      'van de gemiddelde orderwaarde is (instelling AanvaardbareToeslag, 10% als die niet is ingesteld); dat aandeel is het verlies gedeeld door de netto-omzet, want de orders vallen weg.',
    methodCombined:
      'Gecombineerd voorstel, alleen als noch een aanvaardbare minimumorder noch een aanvaardbare ordertoeslag alleen het verlies dekt: een minimumorder op het 90e percentiel ' +
      'van de orderregels per order, naar beneden afgerond op één decimaal (het getal hieronder), zodat dezelfde orderregels in orderregels ÷ minimum orders komen (niet afgerond); ' +
      'wat die orders niet meer kosten is bespaard, en het verlies dat overblijft is de ordertoeslag per resterende order, naar boven afgerond op centen, afgezet tegen de nieuwe, hogere orderwaarde.',
    following: (drivers) => `Een minimumorder verlaagt ook, in verhouding tot de orders (per order blijven ze gelijk, niet afgerond): ${drivers}.`,
    feeShareLimit: 'Aanvaardbare ordertoeslag: hoogstens dit aandeel van de gemiddelde orderwaarde',
    combinedLines: 'Gecombineerde voorstellen: minimum orderregels per order',
    averageOrderValue: 'Gemiddelde orderwaarde',
    feeShare: 'Ordertoeslag als % van de orderwaarde',
    feeAssessment: 'Ordertoeslag aanvaardbaar?',
    feePlausible: 'Aanvaardbaar: binnen het aanvaardbare aandeel van de orderwaarde',
    feeNotPlausible: 'Niet aanvaardbaar: boven het aanvaardbare aandeel van de orderwaarde',
    feeNoValue: 'Niet aanvaardbaar: geen netto-omzet',
    combinedMinimum: 'Gecombineerd: minimum orderregels per order',
    combinedFee: 'Gecombineerd: ordertoeslag per order',
    combinedFeeShare: 'Gecombineerd: ordertoeslag als % van de orderwaarde',
    combinedAssessment: 'Gecombineerd aanvaardbaar?',
    combinedPlausible: 'Aanvaardbaar: binnen het 90e percentiel en het aanvaardbare aandeel',
    combinedNotPlausible: 'Niet aanvaardbaar: de resterende ordertoeslag blijft boven het aanvaardbare aandeel',
    combinedNoChange: 'Bestelt al minstens zoveel orderregels: alleen de ordertoeslag blijft over',
  },

  scenarios: {
    title: "Wat-als-scenario's: voor en na, met het effect op de capaciteit",
    explanation:
      'Met de huidige capaciteit blijven minuten die een scenario vrijmaakt onbenutte capaciteit en kosten ze evenveel; met de capaciteit aangepast aan wat gebruikt wordt, vervallen hun kosten (medewerkers afgebouwd of elders ingezet). Minuten die er meer nodig zijn, tellen andersom.',
    scenario: (name) => `Scenario: ${name}`,
    figure: 'Cijfer',
    before: 'Voor',
    after: 'Na',
    change: 'Verschil',
    netRevenue: 'Netto-omzet',
    fees: 'waarvan vergoedingen',
    costToServe: 'Cost-to-serve',
    customerNetProfit: 'Nettoresultaat van de klanten',
    unusedCapacityCost: 'Kosten onbenutte capaciteit',
    unassignedCost: 'Niet toegerekende kosten',
    operatingProfitToday: 'Bedrijfsresultaat met de huidige capaciteit',
    operatingProfitResized: 'Bedrijfsresultaat met capaciteit aangepast aan het gebruik',
    reconciliation: 'Aansluiting met vandaag',
    amount: 'Bedrag',
    baselineOperatingProfit: 'Bedrijfsresultaat vandaag',
    changeInCustomerNetProfit: '+ verschil in nettoresultaat van de klanten',
    lessChangeInUnused: '− verschil in kosten onbenutte capaciteit',
    lessChangeInUnassigned: '− verschil in niet toegerekende kosten',
    plusFreedCost: '+ kosten van de vrijgekomen minuten',
    pool: 'Kostenpool',
    capacityBefore: 'Capaciteit voor (min)',
    capacityAfter: 'Capaciteit na (min)',
    usedBefore: 'Gebruikt voor (min)',
    usedAfter: 'Gebruikt na (min)',
    freedMinutes: 'Vrijgekomen minuten',
    freedFte: 'Vrijgekomen medewerkers (fte)',
    freedCost: 'Kosten van de vrijgekomen minuten',
    noFte: 'Vrijgekomen medewerkers staan er wanneer ABC_Settings MinutenPerFTE geeft of ABC_Pools een kolom FTE heeft.',
    customer: 'Klant',
    name: 'Naam',
    netProfitBefore: 'Nettoresultaat voor',
    netProfitAfter: 'Nettoresultaat na',
    customerFees: 'In rekening gebrachte vergoedingen',
    noCustomers: 'Het nettoresultaat van geen enkele klant verandert.',
    moreCustomers: (more) => `… en nog ${more} klanten van wie het nettoresultaat verandert (de grootste verschillen staan erboven).`,
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
