/**
 * The problem messages in Dutch, for the task pane when Excel runs in Dutch: the same facts as the English texts
 * (every name, value and cell), in the contract's Dutch terms: kostenpool, activiteit, kostendrijver,
 * klant, capaciteit, aandeel, tarief. Numbers the engine computed get a decimal comma; values read from
 * a cell are shown as read.
 */
import { NL_MARKS, groupedNumber, moneyText } from './message-numbers';
import type { Catalog, ColumnKey, ColumnRef, HistoryProblem, MethodKey, ReferenceProblem, RequiredTextKey, SettingKey } from './message-args';
import { nameKey } from './model';
import { SETTING_NAMES_EN } from './messages-en';

/** The contract's Dutch column headers (a test checks them against contract-spec.ts). */
export const COLUMN_NAMES_NL: { readonly [K in ColumnKey]: string } = {
  pool: 'Kostenpool',
  cost: 'Kosten',
  capacity: 'Capaciteit',
  unit: 'Eenheid',
  activity: 'Activiteit',
  driver: 'Kostendrijver',
  minutes: 'Minuten',
  share: 'Aandeel',
  rate: 'Tarief',
  customer: 'Klant',
  name: 'Naam',
  revenue: 'Omzet',
  discounts: 'Korting',
  cogs: 'Kostprijs omzet',
  quantity: 'Aantal',
  item: 'Kostenpost',
  amount: 'Bedrag',
  setting: 'Instelling',
  value: 'Waarde',
  fte: 'FTE',
  scenario: 'Scenario',
  scope: 'Bereik',
  change: 'Wijziging',
  target: 'Doel',
  account: 'Rekening',
  description: 'Omschrijving',
  from: 'Van',
  to: 'Naar',
  low: 'Laag',
  high: 'Hoog',
  group: 'Groep',
};

/** The settings' Dutch names (a test checks them against read-settings.ts). */
export const SETTING_NAMES_NL: { readonly [K in SettingKey]: string } = {
  currency: 'Valuta',
  period: 'Periode',
  unusedCapacity: 'OngebruikteCapaciteit',
  language: 'Taal',
  orderDriver: 'Orderdrijver',
  orderLineDriver: 'Orderregeldrijver',
  statementSegment: 'Vergelijkingssegment',
  minutesPerFte: 'MinutenPerFTE',
  dimensions: 'Dimensies',
  orderFollowingDrivers: 'Ordervolgendedrijvers',
  plausibleFeeShare: 'AanvaardbareToeslag',
  supportMethod: 'Doorbelastingsmethode',
  defaultRange: 'Standaardbandbreedte',
  simulations: 'Simulaties',
  seed: 'Startgetal',
};

const WHAT: { readonly [K in RequiredTextKey]: string } = {
  activityName: 'de naam van een activiteit',
  poolName: 'de naam van een kostenpool',
  customerId: 'een klantcode',
  driverName: 'een kostendrijver',
  settingName: 'de naam van een instelling',
  costItem: 'een kostenpost die zegt waar de kosten voor zijn',
  scenarioName: 'de naam van een scenario',
  scenarioScope: 'een bereik (alle, een klantcode of Dimensie=waarde)',
  scenarioChange: 'een wijziging (aantal, prijs, vergoeding, minuten, capaciteit of minimumorder)',
  account: 'een grootboekrekening',
};

/** A scenario row's change in the contract's Dutch words. */
const CHANGE_NL = { quantity: 'aantal', price: 'prijs', fee: 'vergoeding', minutes: 'minuten', capacity: 'capaciteit', minimumOrder: 'minimumorder' } as const;

const WHY = {
  none: '',
  blankHeaderRow: ' (de eerste rij van het bereik moet de kopteksten bevatten, en die is leeg)',
  noMethodColumn: ', en ook geen Minutes / Minuten of Share / Aandeel: elke rij heeft er een van nodig',
  longFormVolumes: ' (een ABC_Volumes in lange vorm heeft Klant, Kostendrijver en Aantal nodig)',
  noSupportBasisColumn: ', en ook geen Quantity / Aantal: elke rij heeft er een van nodig',
} as const;

/** `De doorbelastingsrij van "IT" naar "Verkoop"`, or `Een doorbelastingsrij` when neither kostenpool could be read. */
const supportRow = (from: string | null, to: string | null): string =>
  from === null && to === null ? 'Een doorbelastingsrij' : `De doorbelastingsrij van "${from ?? '?'}" naar "${to ?? '?'}"`;

/** Rows "with minutes", "with a share", "with a rate". */
const WITH_METHOD: { readonly [K in MethodKey]: string } = {
  minutes: 'met minuten',
  share: 'met een aandeel',
  rate: 'met een tarief',
};

/** Why a cell of ABC_History cannot be read back, in Dutch. */
const HISTORY_PROBLEM_NL: { readonly [P in HistoryProblem]: string } = {
  notANumber: 'deze kolom bevat getallen.',
  notText: 'deze kolom bevat tekst.',
  noPeriod: 'elke rij noemt haar periode.',
  noActivity: 'een rij met een term van een kostendrijver volgt op de rij van haar activiteit (met de activiteit, zonder klant en kostendrijver) in dezelfde periode.',
  noCustomer: 'een rij met de kosten van een activiteit of een aantal van een klant volgt op de eigen rij van de klant (zonder activiteit en kostendrijver) in dezelfde periode.',
  noCompanyRow: 'elke periode heeft één bedrijfsrij (zonder klant, activiteit en kostendrijver) met haar totalen.',
  rowKind: 'een rij heeft klant, activiteit en kostendrijver ingevuld als een van de soorten rijen die ABC_History bevat.',
  exact: 'de kolom Exact bevat Kolom=decimaal-paren die overeenkomen met de getallen in hun kolommen.',
  missingColumn: 'de tabel heeft deze kolom nodig.',
  twice: 'een periode bevat elke klant, activiteit, term van een kostendrijver, kosten en aantal één keer.',
};

function reference(problem: ReferenceProblem, text: string, areas: number): string {
  switch (problem) {
    case 'nothing':
      return 'verwijst nergens naar';
    case 'deletedRange':
      return `verwijst naar een verwijderd bereik (${text})`;
    case 'formula':
      return `is een formule (${text}); de naam moet naar een blok cellen verwijzen`;
    case 'severalAreas':
      return `verwijst naar ${areas} losse gebieden (${text}); de naam moet naar één rechthoekig blok verwijzen`;
    case 'notAReference':
      return `is geen celverwijzing (${text})`;
    case 'otherWorkbook':
      return `verwijst naar een andere werkmap (${text})`;
    case 'severalSheets':
      return `beslaat meerdere werkbladen (${text})`;
    case 'outsideSheet':
      return `valt buiten het werkblad (${text})`;
  }
}

/**
 * A column by its Dutch contract name; when the workbook's header says something else (an English
 * header, an alias), that header follows in quotes so the column can still be found by what it says.
 */
function col(c: ColumnRef): string {
  if (c.key === null) return c.header;
  const dutch = COLUMN_NAMES_NL[c.key];
  return nameKey(c.header) === nameKey(dutch) ? c.header : `${dutch} ("${c.header}")`;
}

const at = (place: string | null): string => place ?? 'een eerdere rij';

/** What a column needs instead of a percentage. */
function plainFigure(c: ColumnRef): string {
  switch (c.key) {
    case 'cost':
    case 'revenue':
    case 'discounts':
    case 'cogs':
    case 'amount':
    case 'rate':
      return 'een bedrag in valuta';
    case 'minutes':
      return 'een aantal minuten';
    case 'quantity':
      return 'een aantal';
    case 'capacity':
      return 'een capaciteit in minuten of uren';
    default:
      return 'een gewoon getal';
  }
}

const DERIVED_NL = { ratePerMinute: 'kosten per minuut', costPerUnit: 'kosten per eenheid van de kostendrijver', cost: 'kosten' } as const;
/** `A`, `A en B`, `A, B en C`. */
const listNl = (items: readonly string[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;
/** An exact decimal as the engine writes it (`1234.5`) with a decimal comma (`1234,5`). */
const decimal = (n: string): string => n.replace('.', ',');
const num = (n: string): string => groupedNumber(n, NL_MARKS);
const money = (amount: string, currency: string): string => moneyText(amount, currency, NL_MARKS);
/** `1001, 1002 en 1003`, or for a longer list `de eerste 5: 1001, …, 1005`. */
const firstOf = (ids: readonly string[], count: number): string => (count > ids.length ? `de eerste ${ids.length}: ` : '') + listNl(ids);
const row = (activity: string | null): string => (activity === null ? 'De activiteitenrij' : `De activiteitenrij "${activity}"`);
/** The same within a sentence: `de activiteitenrij "Order invoeren"`. */
const ofRow = (activity: string | null): string => (activity === null ? 'de activiteitenrij' : `de activiteitenrij "${activity}"`);

/** Every message in Dutch. */
export const MESSAGES_NL: Catalog = {
  verbatim: (a) => a.text,

  missingRange: (a) => `De werkmap heeft geen benoemd bereik of tabel ${a.range}; dat bereik is verplicht.`,
  blankRange: (a) => `${a.range} is leeg: de eerste rij moet de kopteksten bevatten, de rijen daaronder de gegevens.`,
  noRows: (a) => `${a.range} heeft kopteksten maar geen rijen.`,
  missingColumn: (a) => `${a.range} heeft geen kolom ${a.accepted}${WHY[a.reason]}.`,
  duplicateColumn: (a) =>
    `De kolom ${COLUMN_NAMES_NL[a.column]} komt twee keer voor: "${a.first}" en "${a.header}"; alleen de eerste wordt gelezen.`,
  nearMissHeader: (a) =>
    a.kind === 'dimension'
      ? `De kolom "${a.header}" van ${a.range} is geen kolom van het contract maar lijkt op "${a.resembles}"; hij zou als klantdimensie gelezen worden. Hernoem hem naar ${a.resembles}, of zet hem in de instelling Dimensies als het een dimensie is.`
      : a.kind === 'driver'
        ? `De kolom "${a.header}" van ${a.range} is geen kolom van het contract maar lijkt op "${a.resembles}"; hij zou als kostendrijver gelezen worden. Hernoem hem naar ${a.resembles}, of gebruik hem als kostendrijver in ABC_Activities als het er een is.`
        : `De kolom "${a.header}" van ${a.range} is geen kolom van het contract maar lijkt op "${a.resembles}"; hij zou genegeerd worden. Hernoem hem naar ${a.resembles} als hij dat bevat, of geef hem een andere kop als dat niet zo is.`,
  duplicateOtherColumn: (a) =>
    `De ${a.kind === 'dimension' ? 'dimensiekolom' : 'kostendrijverkolom'} "${a.header}" komt twee keer voor (ook "${a.first}"); alleen de eerste wordt gelezen.`,

  errorValue: (a) => `${col(a.column)} bevat de foutwaarde ${a.error}.`,
  notANumber: (a) => `${col(a.column)} moet een getal zijn; er staat ${a.found}.`,
  negativeValue: (a) => `${col(a.column)} mag niet negatief zijn; er staat ${a.found}.`,
  missingText: (a) => `${col(a.column)} is leeg; elke rij heeft ${WHAT[a.what]} nodig.`,
  missingNumber: (a) => `${col(a.column)} is leeg; vul een getal in (0 als er niets is).`,
  capacityNotPositive: (a) => `${col(a.column)} moet groter dan 0 zijn; er staat ${decimal(a.found)}.`,
  invalidUnit: (a) => `${col(a.column)} moet minuten/minutes of uren/hours zijn; er staat "${a.found}".`,
  noMethod: (a) => `${row(a.activity)} vult geen van Minuten, Aandeel en Tarief in; vul er precies één in.`,
  severalMethods: (a) => `${row(a.activity)} vult meer dan één van Minuten, Aandeel en Tarief in; vul er precies één in.`,
  rangeLowAboveEstimate: (a) =>
    `${col(a.column)} van ${ofRow(a.activity)} is ${a.found}, boven de ${col(a.method)} van ${a.estimate}; ${COLUMN_NAMES_NL.low} is de laagste aannemelijke waarde, hoogstens de schatting.`,
  rangeHighBelowEstimate: (a) =>
    `${col(a.column)} van ${ofRow(a.activity)} is ${a.found}, onder de ${col(a.method)} van ${a.estimate}; ${COLUMN_NAMES_NL.high} is de hoogste aannemelijke waarde, minstens de schatting.`,
  rangeIncomplete: (a) =>
    `${row(a.activity)} heeft een ${col(a.given)} maar ${col(a.blank)} is leeg; vul ${COLUMN_NAMES_NL.low} en ${COLUMN_NAMES_NL.high} allebei in, of geen van beide (dan geldt ${SETTING_NAMES_NL.defaultRange}).`,
  noShareOrQuantity: (a) => `${supportRow(a.from, a.to)} vult Aandeel noch Aantal in; vul er precies één in.`,
  shareAndQuantity: (a) => `${supportRow(a.from, a.to)} vult zowel Aandeel als Aantal in; vul er precies één in.`,
  shareOutOfRange: (a) => `${col(a.column)} moet groter dan 0% en hoogstens 100% zijn (een deel zoals 0,4 of 40%); er staat ${a.found}.`,
  moreRows: (a) => `Nog ${a.more} rijen van ${a.range} hebben hetzelfde probleem (alleen de eerste ${a.listed} worden getoond).`,
  moreCells: (a) => `Nog ${a.more} cellen in kolom ${col(a.column)} hebben hetzelfde probleem (alleen de eerste ${a.listed} worden getoond).`,

  formulaNotCalculated: (a) =>
    `${col(a.column)} bevat de formule =${a.formula} maar geen berekende uitkomst; open de werkmap in Excel of LibreOffice en sla hem op, zodat de uitkomst wordt bewaard.`,
  storedNotANumber: (a) =>
    `${col(a.column)} is een getalcel, maar de waarde in het bestand is "${a.stored}", en dat is geen getal; typ het getal opnieuw in de cel en sla de werkmap op.`,
  percentForAmount: (a) =>
    `${col(a.column)} is opgemaakt als percentage (${a.shown}), maar er hoort ${plainFigure(a.column)} in: vul het in als gewoon getal, niet als percentage.`,
  ambiguousNumberText: (a) =>
    `${col(a.column)} bevat de tekst ${a.found}, ${
      a.decimal === null
        ? `geschreven met scheidingstekens voor duizendtallen (waarschijnlijk ${decimal(a.thousands)})`
        : `die ${decimal(a.thousands)} of ${decimal(a.decimal)} kan betekenen`
    }; vul een echt getal in (een getalcel, zonder scheidingstekens voor duizendtallen).`,
  numberOutOfRange: (a) =>
    `${col(a.column)} bevat ${a.found}, en dat valt buiten het bereik: een getal moet eindig zijn, in absolute waarde kleiner dan 10^13 (tienduizend miljard) en, als het niet 0 is, niet kleiner dan 10^-300.`,
  derivedOutOfRange: (a) =>
    `De ${DERIVED_NL[a.what]} van ${a.kind === 'pool' ? 'kostenpool' : 'activiteit'} "${a.name}" zouden ${decimal(a.value)} worden, meer dan 10^15: controleer ${
      a.kind === 'pool' ? 'de Kosten en de Capaciteit, en de Minuten en aantallen van de activiteiten' : 'de Minuten, het Aandeel of het Tarief van de rijen, en de aantallen van de kostendrijvers'
    }.`,

  unknownSetting: (a) =>
    `De onbekende instelling "${a.name}" wordt genegeerd; de instellingen zijn ${Object.values(SETTING_NAMES_NL).join(', ')} (of ${Object.values(SETTING_NAMES_EN).join(', ')}).`,
  settingTwice: (a) => `De instelling ${a.name} komt twee keer voor (eerst op ${a.first}).`,
  settingErrorValue: (a) => `De waarde van ${SETTING_NAMES_NL[a.setting]} bevat de foutwaarde ${a.error}.`,
  invalidSetting: (a) =>
    a.setting === 'currency'
      ? `Valuta moet een ISO-valutacode zoals EUR of een valutasymbool zoals € zijn; er staat ${a.found}.`
      : a.setting === 'language'
        ? `Taal moet nl (Nederlands) of en (Engels, English) zijn; er staat ${a.found}.`
        : a.setting === 'supportMethod'
          ? `Doorbelastingsmethode moet wederzijds / reciprocal, stapsgewijs / step-down of direct zijn; er staat ${a.found}.`
          : `OngebruikteCapaciteit moet rapporteren / report of toerekenen / assign zijn; er staat ${a.found}.`,

  unknownOrderLineDriver: (a) =>
    `Orderregeldrijver "${a.driver}" is geen kostendrijver van ABC_Volumes, dus de orderregels kunnen niet worden geteld; ${a.drivers === '' ? 'ABC_Volumes heeft geen kostendrijvers' : `de kostendrijvers zijn ${a.drivers}`}.`,
  unknownOrderDriver: (a) =>
    `Orderdrijver "${a.driver}" is geen kostendrijver van ABC_Volumes, dus de orders kunnen niet worden geteld; ${a.drivers === '' ? 'ABC_Volumes heeft geen kostendrijvers' : `de kostendrijvers zijn ${a.drivers}`}.`,
  unknownOrderFollowingDriver: (a) =>
    `Ordervolgendedrijvers noemt "${a.driver}", dat geen kostendrijver van ABC_Volumes is, dus het kan de orders niet volgen; ${a.drivers === '' ? 'ABC_Volumes heeft geen kostendrijvers' : `de kostendrijvers zijn ${a.drivers}`}.`,
  orderFollowingLineDriver: (a) =>
    `Ordervolgendedrijvers noemt "${a.driver}", de Orderregeldrijver: een minimumorder houdt de orderregels gelijk en voegt alleen orders samen, dus orderregels kunnen de orders niet volgen.`,
  invalidPlausibleFeeShare: (a) =>
    `AanvaardbareToeslag moet de hoogste aanvaardbare ordertoeslag zijn als aandeel van de gemiddelde orderwaarde, boven 0% en hoogstens 100% (zoals 10%); er staat ${a.found}.`,
  invalidDefaultRange: (a) =>
    `Standaardbandbreedte moet een percentage onder en boven de schatting zijn: ±20% (of +/-20%, 20%, 0.2) voor aan beide kanten hetzelfde, -30%/+10% voor verschillende; onder hoogstens 100%; er staat ${a.found}.`,
  invalidSimulations: (a) => `Simulaties moet een geheel aantal trekkingen van 1 tot en met 100.000 zijn (zoals 1000); er staat ${a.found}.`,
  invalidSeed: (a) => `Startgetal moet een geheel getal van 0 tot en met 4.294.967.295 zijn (zoals 12345); er staat ${a.found}.`,
  unknownStatementSegment: (a) =>
    `Vergelijkingssegment "${a.dimension}" is geen kolom van ABC_Customers; ${a.dimensions === '' ? 'ABC_Customers heeft geen dimensiekolommen' : `de dimensiekolommen zijn ${a.dimensions}`}.`,

  duplicatePool: (a) => `Kostenpool "${a.pool}" komt twee keer voor (eerst op ${at(a.first)}).`,
  duplicateCustomer: (a) => `Klant "${a.customer}" komt twee keer voor (eerst op ${at(a.first)}).`,
  poolOnRateRow: (a) =>
    `Activiteit "${a.activity}" heeft een Tarief en noemt ook kostenpool "${a.pool}": een rij met een Tarief wordt tegen dat tarief berekend, dus laat Kostenpool leeg (of geef Minuten of een Aandeel in plaats van een Tarief).`,
  missingPool: (a) => `Activiteit "${a.activity}" heeft ${a.method === 'minutes' ? 'Minuten' : 'een Aandeel'} maar geen Kostenpool.`,
  unknownPool: (a) => `Activiteit "${a.activity}" noemt kostenpool "${a.pool}", die niet in ABC_Pools staat.`,
  missingDriver: (a) =>
    `Activiteit "${a.activity}" heeft ${a.method === 'minutes' ? 'Minuten' : 'een Tarief'} maar geen Kostendrijver: geef aan wat er geteld wordt (orders, orderregels …).`,
  mixedMethodsInActivity: (a) =>
    `Activiteit "${a.activity}" combineert rijen ${WITH_METHOD[a.firstMethod]} (op ${at(a.first)}) en rijen ${WITH_METHOD[a.method]}; een activiteit wordt op één manier berekend.`,
  activityInSeveralPools: (a) =>
    `Activiteit "${a.activity}" gebruikt kostenpool "${a.firstPool}" (op ${at(a.first)}) en ook "${a.pool}"; splits haar in één activiteit per kostenpool.`,
  severalSharesForActivity: (a) =>
    `Activiteit "${a.activity}" heeft meer dan één rij met een Aandeel (eerst op ${at(a.first)}); geef haar één aandeel en één kostendrijver.`,
  unusedPool: (a) =>
    `Geen enkele activiteit gebruikt kostenpool "${a.pool}": de kosten ervan worden gerapporteerd als ${a.reportedAs === 'unassigned' ? 'niet aan klanten toegerekende kosten' : 'onbenutte capaciteit'} en komen bij geen enkele klant terecht.`,
  mixedMethodsInPool: (a) =>
    `Kostenpool "${a.pool}" heeft zowel rijen met Minuten als rijen met een Aandeel (bijvoorbeeld ${at(a.minutesAt)} en ${at(a.shareAt)}); een kostenpool is óf tijdgedreven óf verdeeld naar aandelen.`,
  missingCapacity: (a) =>
    `Kostenpool "${a.pool}" is tijdgedreven (activiteiten geven Minuten) maar heeft geen Capaciteit: vul de praktische capaciteit voor de periode in.`,
  sharesOverOne: (a) => `De aandelen van kostenpool "${a.pool}" tellen op tot ${decimal(a.percent)}%, meer dan 100%.`,
  capacityIgnored: (a) => `Kostenpool "${a.pool}" wordt naar aandelen verdeeld, dus de Capaciteit ervan wordt niet gebruikt.`,
  unknownCustomer: (a) =>
    `Klant "${a.customer}" in ${a.range ?? 'het model'} staat niet in ABC_Customers${a.rows > 1 ? ` (${a.rows} rijen; de eerste wordt getoond)` : ''}.`,
  driverWithoutVolumes: (a) =>
    `Kostendrijver "${a.driver}" van activiteit "${a.activity}" heeft geen aantallen: ABC_Volumes heeft er ${a.anyVolumes ? 'geen kolom of rijen' : 'geen gegevens'} voor.`,
  unusedVolumeDriver: (a) => `ABC_Volumes heeft aantallen voor "${a.driver}", maar geen enkele activiteit gebruikt die kostendrijver.`,

  overCapacity: (a) =>
    `Kostenpool "${a.pool}" gebruikte ${num(a.used)} minuten, ${num(a.percent)}% van de praktische capaciteit van ${num(a.capacity)} (${num(a.over)} meer): klanten krijgen ${money(a.cost, a.currency)} meer toegerekend dan de kostenpool kost, getoond als negatieve onbenutte capaciteit. Controleer de minuten per eenheid van de kostendrijver of de capaciteit.`,
  lowCapacityUse: (a) =>
    `Kostenpool "${a.pool}" gebruikte ${num(a.percent)}% van de praktische capaciteit (${num(a.used)} van ${num(a.capacity)} minuten): de onbenutte capaciteit kost ${money(a.cost, a.currency)} en wordt niet aan klanten toegerekend. Controleer de capaciteit en de minuten per eenheid van de kostendrijver.`,
  paidMinutesGap: (a) =>
    `Kostenpool "${a.pool}" heeft een praktische capaciteit van ${num(a.capacity)} minuten, ${num(a.percent)}% ${a.more ? 'meer' : 'minder'} dan de betaalde minuten: ${num(a.fte)} FTE × ${num(a.minutesPerFte)} MinutenPerFTE = ${num(a.paid)}. Controleer Capaciteit, FTE of MinutenPerFTE.`,
  zeroDriverCharge: (a) =>
    `Kostendrijver "${a.driver}" van activiteit "${a.activity}" telt over alle klanten op tot 0, dus ${a.method === 'minutes' ? 'de minuten ervan worden aan geen enkele klant toegerekend en blijven onbenutte capaciteit' : 'het tarief ervan wordt aan geen enkele klant toegerekend'}. Controleer ABC_Volumes.`,
  revenueWithoutVolumes: (a) =>
    a.count === 1
      ? `Klant "${a.customers[0] ?? ''}" heeft omzet maar geen aantallen in ABC_Volumes, dus geen bedieningskosten: de klant lijkt winstgevender dan hij is.`
      : `${a.count} klanten hebben omzet maar geen aantallen in ABC_Volumes (${firstOf(a.customers, a.count)}), dus geen bedieningskosten: ze lijken winstgevender dan ze zijn.`,
  volumesWithoutRevenue: (a) =>
    a.count === 1
      ? `Klant "${a.customers[0] ?? ''}" heeft aantallen in ABC_Volumes maar geen omzet, dus de bedieningskosten zijn puur verlies. Controleer de Omzet in ABC_Customers.`
      : `${a.count} klanten hebben aantallen in ABC_Volumes maar geen omzet (${firstOf(a.customers, a.count)}), dus hun bedieningskosten zijn puur verlies. Controleer hun Omzet in ABC_Customers.`,
  zeroDriverQuantity: (a) =>
    `Kostendrijver "${a.driver}" van activiteit "${a.activity}" telt over alle klanten op tot 0, dus de kosten van de activiteit blijven niet toegerekend.`,
  unusedNotAssignable: (a) =>
    `OngebruikteCapaciteit staat op "toerekenen" (assign), maar geen enkele klant gebruikte kostenpool "${a.pool}", dus de onbenutte capaciteit ervan blijft niet toegerekend.`,

  nameNotARange: (a) => `De naam ${a.name} verwijst niet naar een celbereik (het is ${a.formula}).`,
  dateSystemUnknown: (a) =>
    `Datums worden gelezen als in het 1900-datumsysteem: DATUM(1904;1;1) gaf in Excel ${a.found}, niet 1462 (1900) of 0 (1904). ` +
    'Als dat zo is (Bestand > Opties > Geavanceerd, "Het 1904-datumsysteem gebruiken"), ligt elke gelezen datum 4 jaar en 1 dag te vroeg; ' +
    'het zijn alleen labels (Periode, dimensies), geen bedrag hangt ervan af.',
  ambiguousRangeName: (a) =>
    `${a.name} is gedefinieerd op de bladen ${listNl(a.sheets)} en niet voor de hele werkmap; houd er één over, of definieer de naam voor de werkmap.`,
  badReference: (a) => `De naam ${a.name} ${reference(a.problem, a.reference, a.areas)}.`,
  referenceToMissingSheet: (a) => `De naam ${a.name} verwijst naar een werkblad "${a.sheet}" dat niet bestaat.`,
  referenceToNonWorksheet: (a) => `De naam ${a.name} verwijst naar "${a.sheet}", dat geen werkblad met cellen is.`,
  reportSheetTaken: (a) =>
    `De werkmap heeft al een werkblad "${a.sheet}" dat de invoegtoepassing niet heeft gemaakt; geef het een andere naam of verwijder het, zodat het rapport kan worden geschreven.`,
  reportNameTaken: (a) =>
    `De werkmap heeft al een tabel of naam "${a.name}" die de invoegtoepassing niet heeft gemaakt; het rapport geeft zijn tabellen en kerncijfers die naam (tabellen en namen delen één lijst in Excel): geef de uwe een andere naam, zodat het rapport kan worden geschreven.`,
  textCut: (a) =>
    `Deze tekst is ${a.length} tekens lang en een Excel-cel bevat er hoogstens ${a.limit}: het rapport toont de eerste ${a.limit} tekens; maak de tekst in het model korter om hem helemaal te zien.`,
  historyNoPeriod: () =>
    'De periode is niet bewaard: het model heeft geen instelling Periode om haar naar te noemen. Vul Periode in ABC_Settings in (2026, K1 2026, Budget 2026) en bewaar haar opnieuw; het rapport is geschreven.',
  historyTooLarge: (a) =>
    `De periode is niet bewaard: ABC_History zou ${a.rows} rijen bevatten, en een werkblad bevat er ${a.limit} onder de kopregel. Verwijder de rijen van perioden die u niet meer nodig hebt uit ABC_History en bewaar haar opnieuw; het rapport is geschreven.`,
  historyUnreadable: (a) => `ABC_History is hier niet te lezen (kolom ${a.column}, er staat ${a.found}): ${HISTORY_PROBLEM_NL[a.problem]} De bewaarde perioden blijven zoals ze zijn; het huidige rapport is geschreven.`,

  invalidMinutesPerFte: (a) =>
    `MinutenPerFTE moet een positief getal zijn: de praktische minuten die één voltijdmedewerker in de periode geeft (76800 voor 1600 uur à 80%); er staat ${a.found}.`,
  scenarioUnknownChange: () =>
    `Onbekende wijziging; een wijziging is aantal, prijs, vergoeding, minuten, capaciteit of minimumorder (Engels: quantity, price, fee, minutes, capacity, minimum order).`,
  scenarioScopeUnknownDimension: (a) =>
    `Het bereik noemt de dimensie "${a.dimension}", die geen kolom van ABC_Customers is; de dimensies zijn ${a.dimensions || '(geen)'}.`,
  scenarioScopeUnknownCustomer: (a) =>
    `Het bereik noemt klant "${a.customer}", die niet in ABC_Customers staat; schrijf alle, een klantcode of Dimensie=waarde.`,
  scenarioScopeMatchesNone: (a) => `Geen enkele klant heeft ${a.dimension} = "${a.value}", dus deze rij zou niets veranderen.`,
  scenarioScopeNotAll: (a) =>
    `Een wijziging van de capaciteit geldt voor de hele kostenpool "${a.pool}", dus het Bereik moet alle zijn.`,
  scenarioTargetMissing: (a) =>
    `Een wijziging ${CHANGE_NL[a.kind]} heeft een Doel nodig: ${
      a.kind === 'minutes' ? 'een tijdterm van een activiteit als Activiteit / Kostendrijver' : a.kind === 'capacity' ? 'een kostenpool' : 'een kostendrijver'
    }.`,
  scenarioTargetNotTaken: (a) => `Een wijziging ${CHANGE_NL[a.kind]} heeft geen Doel; laat het leeg (er staat "${a.target}").`,
  scenarioUnknownDriver: (a) => `Onbekende kostendrijver "${a.driver}"; de kostendrijvers zijn ${a.drivers || '(geen)'}.`,
  scenarioUnknownActivity: (a) =>
    `"${a.activity}" is geen tijdgedreven activiteit; minuten kunnen worden gewijzigd voor ${a.activities || '(geen)'}.`,
  scenarioUnknownTerm: (a) =>
    `Activiteit "${a.activity}" heeft geen tijdterm voor kostendrijver "${a.driver}"; de kostendrijvers ervan zijn ${a.drivers}.`,
  scenarioAmbiguousTerm: (a) =>
    `Activiteit "${a.activity}" heeft meerdere tijdtermen (${a.drivers}); noem er één als Activiteit / Kostendrijver.`,
  scenarioUnknownPool: (a) => `Onbekende kostenpool "${a.pool}"; de kostenpools zijn ${a.pools || '(geen)'}.`,
  scenarioNeedsPercent: (a) =>
    `${a.what === 'sharePool' ? 'Een kostenpool die naar aandelen wordt verdeeld heeft geen capaciteit, dus de wijziging ervan' : `Een wijziging ${CHANGE_NL[a.kind]}`} moet een percentage zijn; er staat ${a.found}. Typ het met % (-30% of 30%): een gewone 0,3 kan 30% of 0,3% betekenen.`,
  scenarioNeedsNumber: (a) =>
    `Een wijziging ${CHANGE_NL[a.kind]} moet een gewoon getal zijn (${
      a.kind === 'fee' ? 'een bedrag per eenheid van de kostendrijver' : 'orderregels per order'
    }), geen percentage; er staat ${a.found}.`,
  scenarioPercentBelowMinus100: (a) => `Een wijziging onder -100% laat minder dan niets over; er staat ${a.found}.`,
  scenarioValueNotPositive: (a) =>
    `${a.kind === 'minutes' ? 'Minuten mogen niet negatief zijn' : a.kind === 'capacity' ? 'De nieuwe capaciteit moet groter dan 0 zijn' : 'Het minimum aantal orderregels per order moet groter dan 0 zijn'}; er staat ${a.found}.`,
  scenarioNeedsOrderDrivers: (a) =>
    `Een minimumorder heeft de instellingen Orderdrijver en Orderregeldrijver nodig (welke kostendrijvers orders en orderregels tellen); ${
      a.what === 'both' ? 'geen van beide is ingesteld' : `${a.what === 'orderDriver' ? 'Orderdrijver' : 'Orderregeldrijver'} is niet ingesteld`
    } in ABC_Settings.`,

  unknownSupportPool: (a) => `ABC_Support noemt kostenpool "${a.pool}" in ${a.what === 'from' ? 'Van' : 'Naar'}, die niet in ABC_Pools staat.`,
  supportToItself: (a) =>
    `Kostenpool "${a.pool}" belast in ABC_Support kosten door aan zichzelf; een ondersteunende kostenpool belast haar kosten door aan andere kostenpools, dus verwijder deze rij.`,
  supportNegative: (a) =>
    `De rij van "${a.pool}" naar "${a.to}" in ABC_Support heeft een negatief ${a.what === 'share' ? 'Aandeel' : 'Aantal'} (${a.found}); een ondersteunende kostenpool belast een deel van haar kosten door, nooit minder dan niets.`,
  supportRowBasis: (a) =>
    `De rij van "${a.pool}" naar "${a.to}" in ABC_Support ${a.what === 'none' ? 'heeft geen Aandeel en geen Aantal; geef er één' : 'heeft zowel een Aandeel als een Aantal; geef er één'}.`,
  supportMixedBasis: (a) =>
    `Ondersteunende kostenpool "${a.pool}" heeft zowel rijen met een Aandeel als rijen met een Aantal (bijvoorbeeld ${at(a.shareAt)} en ${at(a.quantityAt)}); een ondersteunende kostenpool belast haar kosten door naar aandelen of naar aantallen, niet allebei.`,
  supportSharesOverOne: (a) =>
    `De aandelen die ondersteunende kostenpool "${a.pool}" doorbelast tellen op tot ${decimal(a.percent)}%, meer dan 100%: ze kan niet meer doorbelasten dan haar kosten.`,
  supportQuantitiesZero: (a) =>
    `De aantallen van ondersteunende kostenpool "${a.pool}" tellen op tot 0, dus ze kunnen haar kosten niet verdelen; geef een aantal groter dan 0.`,
  supportPoolHasActivities: (a) =>
    `Kostenpool "${a.pool}" belast haar kosten door in ABC_Support en heeft ook activiteiten in ABC_Activities; de kosten van een ondersteunende kostenpool gaan helemaal naar andere kostenpools, dus verplaats de activiteiten naar een kostenpool die ze bedient.`,
  supportClosedLoop: (a) =>
    `De kosten van de ondersteunende kostenpools ${listNl(a.pools.map((p) => `"${p}"`))} kunnen ze nooit verlaten: hun aandelen gaan alleen naar elkaar en tellen op tot 100%. Geef een van hen een aandeel naar een kostenpool met activiteiten, of laat een deel van haar kosten niet toegerekend.`,

  unknownLedgerPool: (a) => `Grootboekrekening "${a.account}" in ABC_Resources is geboekt op kostenpool "${a.pool}", die niet in ABC_Pools staat.`,
  poolCostNotLedger: (a) =>
    `Kostenpool "${a.pool}" heeft Kosten ${a.cost}, maar haar grootboekregels in ABC_Resources tellen op tot ${a.ledger}${
      a.accounts.length === 0 ? ' (ze heeft er geen)' : ` (rekeningen ${a.accounts.join(', ')}${a.more > 0 ? ` en nog ${a.more}` : ''})`
    }. Verbeter de Kosten of het grootboek, of laat de Kosten leeg om ze uit het grootboek te nemen.`,
  noLedgerLines: (a) => `Kostenpool "${a.pool}" heeft geen Kosten en geen regels in ABC_Resources, dus haar kosten zijn 0. Boek haar rekeningen erop in ABC_Resources.`,

  compareCurrency: (a) =>
    `De eerdere periode is in ${a.earlier} en deze periode in ${a.now}: bedragen in verschillende valuta kunnen niet vergeleken worden. Vergelijk met een periode in ${a.now}.`,
  compareSameLabel: (a) =>
    `Beide perioden heten "${a.label}", dus de vergelijking kan ze niet uit elkaar houden: geef de eerdere een andere naam met --label-earlier, of vul Periode in ABC_Settings in.`,
  compareIdChanged: (a) =>
    `Klant ${a.now} nu, ${a.then} toen: hetzelfde nummer anders geschreven; ze worden als twee klanten vergeleken (nieuw en verloren). Schrijf de nummers op dezelfde manier.`,
  compareNotAResult: (a) =>
    `${a.file} is geen --json-resultaat van dit programma: ${
      {
        notJson: 'het is geen JSON',
        notAnObject: 'het is geen JSON-object',
        noCustomers: 'het heeft geen lijst "customers"',
        noActivities: 'het heeft geen lijst "activities"',
        noPools: 'het heeft geen lijst "pools"',
        noTotals: 'het heeft geen "totals"',
        badField: `${a.field ?? ''} ontbreekt of is niet van de juiste soort`,
      }[a.what]
    }.`,
  compareEarlierFailed: (a) =>
    `${a.file} bevat geen resultaat: de eerdere run stopte met ${a.errors} ${a.errors === 1 ? 'fout' : 'fouten'} (de eerste: "${a.first}"). Verbeter het eerdere model en draai het opnieuw met --json.`,
  compareWithoutQuantities: (a) =>
    `${a.file} is geschreven door een oudere versie en heeft geen aantallen per kostendrijver per klant (driverQuantities), die de vergelijking nodig heeft: draai het eerdere model opnieuw met deze versie en --json.`,
};
