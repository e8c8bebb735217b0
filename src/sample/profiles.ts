/**
 * The kinds of customer of the sample wholesaler: how each segment buys, pays and asks for service, and
 * which account manager looks after each region.
 */
import { ACCOUNT_MANAGERS, HOUSE_ACCOUNT, type SegmentName } from './names';

/** How one kind of customer buys and behaves. Pairs are [smallest customer, largest customer]. */
export interface Profile {
  segment: SegmentName;
  count: number;
  /** Yearly gross sales range in euros and the skew power (higher: more small customers). */
  revenue: [number, number, number];
  orderValue: [number, number];
  linesPerOrder: [number, number];
  rushRate: [number, number];
  specialRate: number;
  returnRate: number;
  parcelShare: number;
  serviceShare: number;
  quotesPerYear: [number, number];
  overLimitChance: number;
  latePayerChance: number;
  margin: [number, number];
  discount: [number, number];
  collectiveInvoice: boolean;
  /** Monthly seasonal factors, averaging 1. */
  season: readonly number[];
}

/** Base chance that a customer is demanding; small customers are more often so. */
export const DEMANDING_CHANCE = 0.25;

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const SUMMER = [0.8, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.3, 1.1, 0.9, 0.8, 0.8];
const SCHOOL = [1.05, 1.05, 1.1, 1.05, 1.05, 1, 0.6, 0.7, 1.15, 1.1, 1.1, 1.05];
const XMAS = [0.85, 0.85, 0.95, 1, 1, 0.95, 0.9, 0.9, 1, 1.05, 1.15, 1.4];

export const PROFILES: readonly Profile[] = [
  {
    segment: 'Retail chain', count: 10, revenue: [500_000, 2_800_000, 2],
    orderValue: [4_000, 12_000], linesPerOrder: [30, 70], rushRate: [0.01, 0.005],
    specialRate: 0.25, returnRate: 0.02, parcelShare: 0, serviceShare: 0, quotesPerYear: [2, 6],
    overLimitChance: 0.05, latePayerChance: 0.1, margin: [0.16, 0.2], discount: [0.03, 0.06],
    collectiveInvoice: true, season: XMAS,
  },
  {
    segment: 'Independent retail', count: 70, revenue: [18_000, 420_000, 3],
    orderValue: [600, 1_600], linesPerOrder: [8, 20], rushRate: [0.1, 0.03],
    specialRate: 0.04, returnRate: 0.03, parcelShare: 0.1, serviceShare: 0.45, quotesPerYear: [0, 4],
    overLimitChance: 0.15, latePayerChance: 0.25, margin: [0.23, 0.29], discount: [0, 0.04],
    collectiveInvoice: false, season: XMAS,
  },
  {
    segment: 'Hospitality', count: 82, revenue: [10_000, 280_000, 3],
    orderValue: [520, 1_300], linesPerOrder: [6, 15], rushRate: [0.15, 0.05],
    specialRate: 0.02, returnRate: 0.025, parcelShare: 0, serviceShare: 0.5, quotesPerYear: [0, 2],
    overLimitChance: 0.25, latePayerChance: 0.35, margin: [0.25, 0.31], discount: [0, 0.03],
    collectiveInvoice: false, season: SUMMER,
  },
  {
    segment: 'Institutions', count: 46, revenue: [25_000, 800_000, 3],
    orderValue: [700, 2_500], linesPerOrder: [10, 25], rushRate: [0.06, 0.02],
    specialRate: 0.12, returnRate: 0.025, parcelShare: 0.05, serviceShare: 0.4, quotesPerYear: [6, 25],
    overLimitChance: 0.03, latePayerChance: 0.15, margin: [0.18, 0.24], discount: [0.02, 0.06],
    collectiveInvoice: true, season: SCHOOL,
  },
  {
    segment: 'Webshops', count: 42, revenue: [15_000, 350_000, 3],
    orderValue: [300, 900], linesPerOrder: [3, 8], rushRate: [0.05, 0.03],
    specialRate: 0.1, returnRate: 0.08, parcelShare: 0.8, serviceShare: 0, quotesPerYear: [0, 2],
    overLimitChance: 0.15, latePayerChance: 0.2, margin: [0.18, 0.24], discount: [0, 0.02],
    collectiveInvoice: false, season: FLAT,
  },
];

/** The account manager of each region; West is big enough for two. */
export const REGION_MANAGERS: Readonly<Record<string, readonly string[]>> = {
  Noord: [ACCOUNT_MANAGERS[0] ?? HOUSE_ACCOUNT],
  Oost: [ACCOUNT_MANAGERS[1] ?? HOUSE_ACCOUNT],
  Midden: [ACCOUNT_MANAGERS[2] ?? HOUSE_ACCOUNT],
  West: [ACCOUNT_MANAGERS[3] ?? HOUSE_ACCOUNT, ACCOUNT_MANAGERS[4] ?? HOUSE_ACCOUNT],
  Zuid: [ACCOUNT_MANAGERS[5] ?? HOUSE_ACCOUNT],
};
