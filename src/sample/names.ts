/**
 * Dutch-sounding names for the sample wholesaler's customers, places and account managers.
 * All invented: any likeness to a real firm is accidental.
 */
import type { Random } from './random';

/** The regions the sample sells in, each with towns used to tell same-named customers apart. */
export const REGIONS: ReadonlyArray<{ region: string; towns: readonly string[] }> = [
  { region: 'Noord', towns: ['Groningen', 'Leeuwarden', 'Assen', 'Drachten', 'Emmen', 'Heerenveen', 'Sneek', 'Hoogeveen'] },
  { region: 'Oost', towns: ['Zwolle', 'Enschede', 'Apeldoorn', 'Deventer', 'Hengelo', 'Nijmegen', 'Arnhem', 'Doetinchem'] },
  { region: 'Midden', towns: ['Utrecht', 'Amersfoort', 'Zeist', 'Veenendaal', 'Nieuwegein', 'Hilversum', 'Ede', 'Houten'] },
  { region: 'West', towns: ['Amsterdam', 'Haarlem', 'Leiden', 'Den Haag', 'Delft', 'Rotterdam', 'Dordrecht', 'Gouda', 'Alkmaar'] },
  { region: 'Zuid', towns: ['Eindhoven', 'Tilburg', 'Breda', "'s-Hertogenbosch", 'Maastricht', 'Venlo', 'Roermond', 'Helmond'] },
];

/** Account managers of the field sales force; small customers are house accounts of inside sales. */
export const ACCOUNT_MANAGERS: readonly string[] = [
  'Anouk de Jong',
  'Bram Visser',
  'Sanne Mulder',
  'Thijs Bos',
  'Lotte Smit',
  'Daan Meijer',
];

/** The account manager of house accounts. */
export const HOUSE_ACCOUNT = 'House account';

const SURNAMES: readonly string[] = [
  'De Vries', 'Jansen', 'Van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'De Boer', 'Mulder', 'De Groot',
  'Bos', 'Vos', 'Peters', 'Hendriks', 'Van Leeuwen', 'Dekker', 'Brouwer', 'De Wit', 'Dijkstra', 'Smits',
  'De Graaf', 'Van der Meer', 'Van der Linden', 'Kok', 'Jacobs', 'De Haan', 'Vermeulen', 'Van den Heuvel',
  'Van der Veen', 'Van Dijk', 'Schouten', 'Willems', 'Hoekstra', 'Koster', 'Prins', 'Huisman', 'Kuipers',
  'Postma', 'Verhoeven', 'Van Beek', 'Timmermans', 'Groen', 'Scholten', 'Wouters', 'Maas', 'Sanders',
];

const INN_NAMES: readonly string[] = [
  'De Gouden Leeuw', "'t Hoekje", 'De Zwaan', 'De Molen', 'De Kroon', 'Het Pakhuis', 'De Waag', 'Het Veerhuis',
  'De Zon', 'De Posthoorn', 'Het Anker', 'De Jonge Haan', 'De Hooiberg', 'Het Wapen', 'De Karseboom',
  'De Drie Fleschjes', 'Het Zilte Zand', 'De Blauwe Druif', 'Het Stoomgemaal', "'t Pleintje", 'De Markt',
  'De Oude Smidse', 'Het Kompas', 'De Vrijheid', 'De Linde', 'Het Hert',
];

const HOSPITALITY_KINDS: readonly string[] = [
  'Restaurant', 'Eetcafé', 'Hotel', 'Brasserie', 'Café', 'Lunchroom', 'Grand Café', 'Strandpaviljoen', 'Bistro',
];

const SHOP_KINDS: readonly string[] = [
  'Bakkerij', 'Slagerij', 'Kaashandel', 'Groentehandel', 'Drogisterij', 'Bloemenhuis', 'Delicatessen',
  'Tuincentrum', 'Warenhuis', 'Visspecialist', 'Poelier', 'Koffiebranderij',
];

const CARE_KINDS: readonly string[] = [
  'Zorggroep', 'Stichting', 'Woonzorgcentrum', 'Scholengroep', 'Kinderopvang', 'Sportcentrum', 'Revalidatiecentrum',
];

const CARE_NAMES: readonly string[] = [
  'Het Baken', 'De Horst', 'Rivierland', 'De Linde', 'Sint Jozef', 'De Zonnehof', 'Het Gasthuis', 'De Vijverhof',
  'Eikenburg', 'De Wingerd', 'De Bolder', 'Het Lichtpunt', 'De Meent', 'Waterrijk', 'De Eik',
];

const WEB_WORDS: readonly string[] = [
  'Schoonmaak', 'Verpakking', 'Horecaspullen', 'Keukenplein', 'Koffiehuis', 'Feestartikelen', 'Kantoorplein',
  'Hygiene', 'Servetten', 'Bakkersbenodigdheden', 'Cateringshop', 'Traktatie', 'Wegwerp', 'Snackshop',
];

const CHAIN_PATTERNS: ReadonlyArray<(surname: string, region: string) => string> = [
  (s) => `${s} Supermarkten B.V.`,
  (_, r) => `Buurtsuper Groep ${r} B.V.`,
  (s) => `${s} Retail Groep B.V.`,
  (s) => `Versmarkt ${s} B.V.`,
  (s) => `Foodservice ${s} B.V.`,
  (s) => `Cateringgroep ${s} B.V.`,
  (_, r) => `Tankstations ${r} B.V.`,
  (s) => `${s} Bedrijfsrestaurants B.V.`,
];

/** The kinds of customers of the sample, by segment. */
export type SegmentName = 'Retail chain' | 'Independent retail' | 'Hospitality' | 'Institutions' | 'Webshops';

/** A customer name for a segment (not necessarily unique: the caller adds a town when it repeats). */
export function customerName(random: Random, segment: SegmentName, region: string): string {
  switch (segment) {
    case 'Retail chain':
      return random.pick(CHAIN_PATTERNS)(random.pick(SURNAMES), region);
    case 'Independent retail': {
      const legal = random.weighted<string>([['', 3], [' B.V.', 2], [' V.O.F.', 1]]);
      return `${random.pick(SHOP_KINDS)} ${random.pick(SURNAMES)}${legal}`;
    }
    case 'Hospitality':
      return `${random.pick(HOSPITALITY_KINDS)} ${random.pick(INN_NAMES)}`;
    case 'Institutions':
      return `${random.pick(CARE_KINDS)} ${random.pick(CARE_NAMES)}`;
    case 'Webshops':
      return random.chance(0.5)
        ? `${random.pick(WEB_WORDS).toLowerCase()}${random.pick(['shop', 'online', 'direct', 'plein'])}.nl`
        : `${random.pick(WEB_WORDS)} Direct B.V.`;
  }
}
