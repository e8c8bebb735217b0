/** The pane's words in Dutch, in the terms of the glossary (docs/glossary.md). */
import { renderMessage } from '../engine/messages';
import { issueTitle } from './issue-titles';
import type { BadRow } from './import/import-types';
import type { Strings } from './strings';

/** The Dutch strings. */
export const nl: Strings = {
  language: 'nl',
  title: 'Klantwinstgevendheid',
  subtitle: 'Bedieningskosten op basis van activiteiten en een winst-en-verliesrekening per klant',
  outsideOffice:
    'Deze pagina is het taakvenster van een Excel-invoegtoepassing en doet op zichzelf niets in een browsertabblad: open een werkmap in Excel (Windows, Mac of Excel voor het web), voeg de invoegtoepassing toe via Start > Invoegtoepassingen (of upload het manifest.xml) en kies daarna Start > Klant-W&V.',
  refresh: 'Rapport vernieuwen',
  cancel: 'Annuleren',
  checkModel: 'Model controleren',
  insertSample: 'Voorbeeldmodel invoegen',
  newEmptyModel: 'Nieuw leeg model',
  modelStatus: 'Model',
  range: 'Bereik',
  rows: 'Rijen',
  notFound: 'niet gevonden',
  optional: 'optioneel',
  noIssues: 'Geen fouten of waarschuwingen.',
  errors: (n) => (n === 1 ? '1 fout' : `${n} fouten`),
  warnings: (n) => (n === 1 ? '1 waarschuwing' : `${n} waarschuwingen`),
  stage: { importing: 'Transacties importeren', reading: 'Model lezen', computing: 'Berekenen', writing: 'Rapport schrijven' },
  progress: (done, total) => `${done} van ${total} rijen`,
  headline: 'Kerncijfers',
  checkFigures: 'Controleer deze cijfers',
  netRevenue: 'Netto-omzet',
  grossMargin: 'Brutomarge',
  costToServe: 'Bedieningskosten',
  netProfit: 'Nettowinst (klanten)',
  operatingProfit: 'Bedrijfsresultaat',
  unusedCapacity: 'Onbenutte capaciteit',
  lossMaking: 'Verlieslatende klanten',
  lossMakingValue: (n, total) => `${n} van ${total}`,
  whaleCurve: 'Walviscurve',
  whaleAxisX: 'klanten, meest winstgevend eerst',
  whaleAxisY: 'cumulatieve winst',
  costFlow: 'Kostenstroom',
  costFlowMethods: 'Kosten van de operationele kostenpools na doorbelasting, per doorbelastingsmethode',
  costFlowPool: 'Operationele kostenpool',
  supportMethod: { reciprocal: 'Wederzijds', 'step-down': 'Stapsgewijs', direct: 'Direct' },
  chosenMethod: 'gekozen',
  methodDifference: 'Verschil',
  costFlowActualSize: 'Op ware grootte tonen',
  costFlowFitted: 'Passend in het venster',
  costFlowPicture: 'Kostenstroom van grootboekrekeningen via ondersteunende en operationele kostenpools en activiteiten naar klanten',
  reportWritten: (sheets, ms) => `Rapport geschreven: ${sheets}. Berekend in ${ms} ms.`,
  formatsNotSet: (list) =>
    `Excel heeft enkele getalnotaties niet overgenomen (de landinstellingen lezen de scheidingstekens anders): ${list}. De getallen kloppen, maar die cellen kunnen er verkeerd uitzien; stel hun notatie in met Cellen opmaken.`,
  filtersCleared: (sheets) => `Het filter en de sortering van ${sheets} zijn gewist voordat het rapport eroverheen werd geschreven; filter opnieuw om de gekozen rijen te zien.`,
  statementCustomer: 'Klantoverzicht',
  statementPlaceholder: 'Typ een klantcode of naam',
  writeStatement: 'Klantoverzicht schrijven',
  noMatchingCustomer: 'Geen klant gevonden.',
  statementWritten: (sheet) => `Klantoverzicht geschreven: ${sheet}.`,
  unknownCustomer: (query, close) => `Geen klant heeft de code of naam "${query}".${close.length === 0 ? '' : ` Lijkt op: ${close.join(', ')}.`}`,
  computed: (ms) => `Model berekend in ${ms} ms.`,
  scenarios: "Scenario's",
  noScenarios:
    'Deze werkmap heeft geen scenario\'s. Om een maatregel door te rekenen voordat u hem voorstelt, voegt u een bereik ABC_Scenarios toe met de kolommen Scenario, Bereik, Wijziging, Doel en Waarde (zie "ABC_Scenarios" in het werkmapcontract, docs/workbook-contract.md) en kiest u Model controleren.',
  runScenarios: "Scenario's doorrekenen",
  scenarioBefore: 'Voor',
  scenarioAfter: 'Na',
  operatingProfitToday: 'Bedrijfsresultaat, huidige capaciteit',
  operatingProfitResized: 'Bedrijfsresultaat, capaciteit bijgesteld',
  freedCapacity: 'Capaciteit vrijgekomen of nodig',
  freedStaff: (pool, fte, minutes, freed) => `${pool}: ${fte} fte ${freed ? 'vrijgekomen' : 'extra nodig'} (${minutes} minuten)`,
  freedMinutes: (pool, amount, freed) => `${pool}: ${amount} minuten ${freed ? 'vrijgekomen' : 'extra nodig'}`,
  noCapacityChange: 'Geen tijdgedreven kostenpool gebruikt meer of minder minuten.',
  scenariosWritten: (sheet) => `Scenario's doorgerekend: ${sheet} geschreven.`,
  noScenarioChosen: 'Vink minstens één scenario aan.',
  unknownScenarios: (names) => `De werkmap heeft het scenario ${names.map((n) => `"${n}"`).join(', ')} niet meer. Kies Model controleren om de scenario's opnieuw te lezen.`,
  scenarioErrors: "De scenario's bevatten fouten; herstel ze (klik op een fout om naar de cel te gaan) en reken ze opnieuw door.",
  sampleInserted: 'Voorbeeldmodel ingevoegd. Kies Rapport vernieuwen om het te berekenen.',
  emptyInserted: 'Leeg model ingevoegd: vul de tabellen in en kies Rapport vernieuwen.',
  fixErrorsFirst: 'Het model bevat fouten; herstel ze (klik op een fout om naar de cel te gaan) en vernieuw.',
  selectCell: 'Naar cel',
  waitingForCellEdit: 'Excel wacht tot u klaar bent met het bewerken van een cel (druk op Enter of Esc); de invoegtoepassing probeert het zo opnieuw.',
  issueTitle: (code) => issueTitle(code, 'nl'),
  issueMessage: (text) => renderMessage(text, 'nl'),
  errorsOf: {
    sheetTaken: (items) => ({
      title: `De werkmap heeft al een blad ${items} dat niet door de invoegtoepassing is gemaakt.`,
      action: 'Geef dat blad een andere naam of verwijder het en probeer het opnieuw. Uw eigen bladen worden nooit overschreven.',
    }),
    nameTaken: (items) => ({
      title: `De werkmap heeft al een tabel of naam ${items} die niet door de invoegtoepassing is gemaakt.`,
      action: 'Het rapport geeft zijn tabellen en kerncijfers die naam (tabellen en namen delen één lijst in Excel): geef de uwe een andere naam en probeer het opnieuw.',
    }),
    modelExists: (items) => ({
      title: `Deze werkmap bevat al een model (${items}).`,
      action: 'Open een nieuwe, lege werkmap om een ander model in te voegen, of verwijder eerst de bestaande namen.',
    }),
    volumesExist: (items) => ({
      title: `De werkmap heeft al volumes die de invoegtoepassing niet heeft geïmporteerd: ${items}.`,
      action: 'Verwijder die naam (Formules > Namen beheren) of tabel om de geïmporteerde transacties te gebruiken, en importeer opnieuw. Er is niets gewijzigd.',
    }),
    protected: (items) =>
      items === ''
        ? {
            title: 'De structuur van de werkmap is beveiligd: de invoegtoepassing kan de bladen van het rapport niet toevoegen of verwijderen.',
            action: 'Kies Controleren > Werkmap beveiligen en geef zo nodig het wachtwoord om de beveiliging op te heffen; vernieuw daarna opnieuw. Er is niets gewijzigd.',
          }
        : {
            title: `Het rapportblad ${items} is beveiligd.`,
            action: 'Ga naar dat blad, kies Controleren > Beveiliging blad opheffen (geef zo nodig het wachtwoord) en vernieuw daarna opnieuw. Er is niets gewijzigd.',
          },
    tooManyRows: (items) => ({
      title: `De import geeft ${items} rijen (een per klant en kostendrijver, met de kopregel): meer dan een Excel-blad kan bevatten (1.048.576).`,
      action: 'Importeer transacties van minder klanten of kostendrijvers (bijvoorbeeld met kleine klanten samengenomen) en importeer opnieuw. Er is niets gewijzigd.',
    }),
    reportIncomplete: (items) => ({
      title: `Het vernieuwen stopte tijdens het bijwerken van ${items}: het rapport is onvolledig (dat staat ook in cel A1).`,
      action: 'Kies opnieuw Rapport vernieuwen om het af te maken. Uw formules die naar het rapport verwijzen blijven werken.',
    }),
    payloadTooLarge: () => ({
      title: 'Excel weigerde een verzoek als te groot, ook in kleine delen.',
      action: 'Laat de benoemde bereiken alleen de gegevens beslaan (geen lege kolommen) en probeer het opnieuw.',
    }),
    editMode: () => ({
      title: 'Excel is bezig: er wordt een cel bewerkt.',
      action: 'Druk op Enter of Esc om de cel af te ronden en probeer het opnieuw.',
    }),
    timeout: () => ({
      title: 'Excel antwoordde niet op tijd.',
      action: 'Excel is misschien nog bezig een grote werkmap te openen of te herberekenen. Wacht tot Excel weer reageert en probeer het opnieuw.',
    }),
    connection: () => ({
      title: 'De verbinding met Excel is verbroken.',
      action: 'Controleer het netwerk, wacht even en probeer het opnieuw; open de invoegtoepassing opnieuw als het blijft mislukken. De werkmap is niet gewijzigd.',
    }),
    cancelled: () => ({ title: 'Geannuleerd.', action: 'Er is niets in de werkmap gewijzigd.' }),
    unknown: () => ({
      title: 'Excel meldde een onverwachte fout.',
      action: 'Probeer het opnieuw; blijft het gebeuren, sla de werkmap op, open haar opnieuw en meld de melding hieronder.',
    }),
  },
  importTransactions: 'Transacties importeren',
  importProgress: (rows, percent) => `${rows} rijen gelezen, ${percent} van het bestand`,
  importSheet: 'ABC Geïmporteerde volumes',
  importNote: { source: 'Geïmporteerd uit', rows: 'Rijen gelezen', cells: 'Totalen per klant en kostendrijver', importedOn: 'Geïmporteerd op' },
  importWritten: (rows, cells, sheet) => `${rows} rijen geïmporteerd als ${cells} totalen per klant en kostendrijver op ${sheet}; ABC_Volumes wijst ernaar.`,
  importRefused: (file) => `Er is niets geïmporteerd uit ${file}.`,
  importProblem: (p, integer) => {
    switch (p.code) {
      case 'missingColumns':
        return `Het bestand heeft geen kolom ${p.missing.join(', geen kolom ')}; de kolommen zijn ${p.found.length === 0 ? '(geen)' : p.found.join(', ')}.`;
      case 'duplicateColumn':
        return `De kolom ${p.header} is dezelfde als ${p.first}; houd er een van over.`;
      case 'noRows':
        return 'Het bestand heeft geen rijen onder de kolomkoppen.';
      case 'badRows':
        return p.count === 1 ? '1 rij kan niet worden geteld; herstel die en importeer opnieuw.' : `${integer(p.count)} rijen kunnen niet worden geteld; herstel ze en importeer opnieuw.`;
      case 'totalOutOfRange':
        return `Het totaal van ${p.customer} / ${p.driver} is ${p.total}, 10^13 of meer: groter dan enige hoeveelheid die de berekening aanneemt.`;
      case 'tooManyDrivers':
        return `Het bestand heeft meer dan ${integer(p.limit)} verschillende kostendrijvers: de kolom Kostendrijver kan niet kloppen.`;
      case 'unreadable':
        return `Het bestand kan niet worden gelezen: ${p.detail}`;
    }
  },
  badRow: (r) => {
    const what: Record<BadRow['reason'], string> = {
      customerMissing: 'geen klant',
      driverMissing: 'geen kostendrijver',
      notANumber: `aantal "${r.value}" is geen getal`,
      negative: `aantal ${r.value} is negatief`,
      outOfRange: `aantal ${r.value} valt buiten het bereik (0, of van 10^-300 tot onder 10^13)`,
      thousands: `aantal "${r.value}" heeft scheidingstekens voor duizendtallen; schrijf het zonder`,
      ambiguous: `aantal "${r.value}" kan een scheidingsteken voor duizendtallen of een decimaalteken hebben; geen ander aantal in het bestand maakt duidelijk welke`,
    };
    return `Regel ${r.line}: ${what[r.reason]}.`;
  },
  moreBadRows: (shown, total) => `De eerste ${shown} van ${total} staan hierboven.`,
  functionsNotFollowing: (retrying) =>
    retrying
      ? 'De ABC-werkbladfuncties volgen uw wijzigingen nog niet: Excel stond niet toe dat de invoegtoepassing de werkmap in de gaten houdt. Er wordt opnieuw geprobeerd.'
      : 'De ABC-werkbladfuncties volgen uw wijzigingen niet: Excel stond niet toe dat de invoegtoepassing de werkmap in de gaten houdt. Ze worden bijgewerkt als u Model controleren of Rapport vernieuwen kiest; open het taakvenster opnieuw om het nog eens te proberen.',
  updatingFunctions: 'De ABC-werkbladfuncties worden bijgewerkt na uw wijziging…',
  periodsHeading: 'Perioden',
  keepPeriod: 'Periode bewaren',
  keepNeedsResult: 'Controleer eerst het model: er is geen resultaat om te bewaren.',
  keepNeedsPeriod: 'Vul Period in ABC_Settings in (bijvoorbeeld 2026) om deze periode te bewaren.',
  keepNotAvailable: 'Deze werkmap kan geen perioden bewaren.',
  periodKept: (period, replaced) => (replaced ? `Periode ${period} bewaard (de eerdere kopie is vervangen).` : `Periode ${period} bewaard.`),
  periodNotKept: (period) => `Periode ${period} is niet bewaard: zie de problemen van ABC_History hieronder.`,
  resultChanged: 'Het model is gewijzigd sinds de laatste berekening: kies Model controleren en probeer het opnieuw.',
  compareHeading: 'Vergelijken met een bewaarde periode',
  keptPeriod: 'Bewaarde periode',
  compare: 'Vergelijken',
  noKeptPeriods: 'Er is nog geen andere periode bewaard: kies in elke periode één keer Periode bewaren (of bewaar een budget).',
  unknownKeptPeriod: (period) => `Periode ${period} staat niet meer in ABC_History.`,
  comparisonShown: (before, after) => `${after} vergeleken met ${before}.`,
  comparisonWritten: (before, after, sheet) => `${after} vergeleken met ${before}: ${sheet} geschreven.`,
  bridgeBar: {
    before: 'Bedrijfsresultaat toen',
    revenue: 'Omzet',
    discounts: 'Korting',
    cogs: 'Kostprijs van de omzet',
    activityVolume: 'Volume activiteiten',
    activityRate: 'Tarieven activiteiten',
    unusedCapacity: 'Onbenutte capaciteit toegerekend',
    directCosts: 'Directe klantkosten',
    unusedNotCharged: 'Onbenutte capaciteit niet toegerekend',
    unassigned: 'Niet toegerekende kosten',
    after: 'Bedrijfsresultaat nu',
  },
  bridgeChange: (before, after, change) => `Bedrijfsresultaat ${before} → ${after} (${change}).`,
  waterfallLabel: (before, after) => `Bedrijfsresultaat van ${before} naar ${after}, deel voor deel`,
  profitToLoss: 'Van winst naar verlies',
  lossToProfit: 'Van verlies naar winst',
  largestImprovements: 'Grootste verbeteringen',
  largestDeclines: 'Grootste dalingen',
  noneOfThese: 'Geen.',
  changeColumns: { customer: 'Klant', name: 'Naam', before: 'Toen', after: 'Nu', change: 'Verschil' },
  historyIssues: 'Problemen in ABC_History (het resultaat van deze periode blijft zoals het is):',
  sensitivityHeading: 'Hoe zeker?',
  sensitivityIntro: 'Elke schatting van Laag naar Hoog (de andere vast), en een simulatie met vaste seed van alle schattingen samen: welke schattingen ertoe doen, en welke klanten echt verlies kunnen maken.',
  runSensitivity: 'Uitvoeren',
  sensitivityProgress: (done, total) => `${done} van ${total} trekkingen`,
  sensitivityNotAvailable: 'Dit taakvenster kan de simulatie niet uitvoeren.',
  tornadoHeading: 'De schattingen die het zwaarst wegen',
  tornadoLabel: 'Bedrijfsresultaat met capaciteit bijgesteld, elke schatting op Laag en op Hoog',
  atLow: 'Laag',
  atHigh: 'Hoog',
  estimateKind: { minutes: 'minuten', share: 'aandeel', rate: 'tarief' },
  estimateRange: (kind, low, value, high) => `${kind} ${low} – ${high} (nu ${value})`,
  tornadoBar: (atLow, atHigh, swing) => `Op Laag ${atLow}, op Hoog ${atHigh}: uitslag ${swing}`,
  noTornado: 'Geen enkele schatting heeft een bandbreedte: vul Laag en Hoog in ABC_Activities in, of de instelling DefaultRange.',
  lookCloserHeading: 'Kijk beter voordat u handelt',
  lookCloserNone: 'Bij geen enkele klant is het teken onzeker: elke kans op verlies ligt onder 10% of boven 90%.',
  lookCloserColumns: { customer: 'Klant', name: 'Naam', today: 'Nu', range: 'P10 – P90', lossChance: 'Kans op verlies' },
  moreLookCloser: (n) => `En nog ${n}.`,
  companyRange: (p10, median, p90, simulations, seed) =>
    `Bedrijfsresultaat met capaciteit bijgesteld: P10 ${p10}, mediaan ${median}, P90 ${p90} (${simulations} simulaties, seed ${seed}; percentielen zijn schattingen).`,
};
