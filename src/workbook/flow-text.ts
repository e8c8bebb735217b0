/**
 * The texts of the cost-flow picture (flow-svg.ts) in both languages, typed so a text missing from the
 * Dutch catalogue is a compile error. Dutch words follow docs/glossary.md (grootboekrekening,
 * ondersteunende / operationele kostenpool, onbenutte capaciteit, niet aan klanten toegerekend).
 */
import type { SupportMethod } from '../engine/support/types';
import type { ReportLanguage } from './report-text';

export interface FlowText {
  title: string;
  columns: { ledger: string; support: string; operating: string; activities: string; customers: (dimension: string | null) => string };
  otherAccounts: (count: number) => string;
  operatingOwnCost: string;
  notPassedOn: string;
  otherActivities: (count: number) => string;
  otherSegments: (count: number) => string;
  allCustomers: string;
  unusedCapacity: string;
  notCharged: string;
  beyondCapacity: string;
  method: { readonly [M in SupportMethod]: string };
  methodNote: (method: string, total: string) => string;
  /** Support pools serving each other: the amounts, and why they are no bands. */
  cyclesNote: (flows: string) => string;
  rateNote: (amount: string) => string;
  beyondNote: (amount: string) => string;
  numbers: { thousands: string; decimal: string };
}

const EN: FlowText = {
  title: 'Cost flow: ledger → pools → activities → customers',
  columns: {
    ledger: 'Ledger accounts',
    support: 'Support pools',
    operating: 'Operating pools',
    activities: 'Activities',
    customers: (dimension) => (dimension === null ? 'Customers' : `Customers by ${dimension}`),
  },
  otherAccounts: (count) => `Other accounts (${count})`,
  operatingOwnCost: "Operating pools' own cost",
  notPassedOn: 'Support cost reaching no pool',
  otherActivities: (count) => `Other activities (${count})`,
  otherSegments: (count) => `Other (${count})`,
  allCustomers: 'All customers',
  unusedCapacity: 'Unused capacity',
  notCharged: 'Not charged to customers',
  beyondCapacity: 'Used beyond capacity',
  method: { reciprocal: 'reciprocal', 'step-down': 'step-down', direct: 'direct' },
  methodNote: (method, total) => `Support method: ${method}. Every column adds up to the ledger total, ${total}.`,
  cyclesNote: (flows) => `Support pools also pass cost to each other (${flows}); those amounts are counted again where they end up, so the bands show where each support pool's own cost ends.`,
  rateNote: (amount) => `Rate charges (${amount}) are no ledger cost and are not shown.`,
  beyondNote: (amount) => `Pools used beyond their capacity: activities carry ${amount} more than the pools cost, drawn as a source of its own.`,
  numbers: { thousands: ',', decimal: '.' },
};

const NL: FlowText = {
  title: 'Kostenstroom: grootboek → kostenpools → activiteiten → klanten',
  columns: {
    ledger: 'Grootboekrekeningen',
    support: 'Ondersteunende kostenpools',
    operating: 'Operationele kostenpools',
    activities: 'Activiteiten',
    customers: (dimension) => (dimension === null ? 'Klanten' : `Klanten per ${dimension}`),
  },
  otherAccounts: (count) => `Overige rekeningen (${count})`,
  operatingOwnCost: 'Eigen kosten operationele kostenpools',
  notPassedOn: 'Ondersteunende kosten die geen kostenpool bereiken',
  otherActivities: (count) => `Overige activiteiten (${count})`,
  otherSegments: (count) => `Overige (${count})`,
  allCustomers: 'Alle klanten',
  unusedCapacity: 'Onbenutte capaciteit',
  notCharged: 'Niet aan klanten toegerekend',
  beyondCapacity: 'Boven de capaciteit gebruikt',
  method: { reciprocal: 'wederzijds', 'step-down': 'stapsgewijs', direct: 'direct' },
  methodNote: (method, total) => `Doorbelastingsmethode: ${method}. Elke kolom telt op tot het totaal van het grootboek, ${total}.`,
  cyclesNote: (flows) => `Ondersteunende kostenpools belasten ook elkaar door (${flows}); die bedragen tellen opnieuw mee waar ze terechtkomen, dus de banden tonen waar de eigen kosten van elke ondersteunende kostenpool eindigen.`,
  rateNote: (amount) => `Tarieven (${amount}) zijn geen kosten uit het grootboek en staan er niet in.`,
  beyondNote: (amount) => `Kostenpools boven hun capaciteit gebruikt: activiteiten dragen ${amount} meer dan de kostenpools kosten, getekend als een eigen bron.`,
  numbers: { thousands: '.', decimal: ',' },
};

/** The picture's texts in a language. */
export function flowText(language: ReportLanguage): FlowText {
  return language === 'nl' ? NL : EN;
}
