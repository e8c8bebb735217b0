/**
 * The textbook case's cost flow tables as the English sheet shows them, worked out by hand (see the
 * comments), shared by the layout test and the two writers' tests so each asserts the same figures.
 */
type Cells = Array<Array<string | number | null>>;

/** Ledger per pool, no ledger: the pools' Cost, 39,260 in all. */
export const LEDGER_PER_POOL: Cells = [
  ['Pool', 'Role', 'Accounts', 'Own cost'],
  ['Y', 'Support', null, 7260],
  ['Z', 'Support', null, 4000],
  ['A', 'Operating', null, 12000],
  ['B', 'Operating', null, 16000],
  ['Total', null, null, 39260],
];

/**
 * Reciprocal: Y's 9,000 = 7,260 + 30% of Z's 5,800 (40% A, 40% B, 20% Z); Z's 5,800 = 4,000 + 20% of
 * 9,000 (20% A, 50% B, 30% Y).
 */
export const RECIPROCAL_MATRIX: Cells = [
  ['From', 'Y', 'Z', 'A', 'B', 'Unassigned', 'Total passed on'],
  ['Y', null, 1800, 3600, 3600, 0, 9000],
  ['Z', 1740, null, 1160, 2900, 0, 5800],
  ['Total', 1740, 1800, 4760, 6500, 0, 14800],
];

/** Reciprocal: A 12,000 + 4,760 = 16,760, B 16,000 + 6,500 = 22,500. */
export const RECIPROCAL_OPERATING: Cells = [
  ['Pool', 'Own cost', 'From Y', 'From Z', 'Cost after support'],
  ['A', 12000, 3600, 1160, 16760],
  ['B', 16000, 3600, 2900, 22500],
  ['Total', 28000, 7200, 4060, 39260],
  ['Support cost left unassigned', null, null, null, 0],
  ['Ledger total', null, null, null, 39260],
];

/**
 * Y passes 80% (no share to Z): Z's total is its own 4,000 (A 800, B 2,000, Y 1,200), Y's 7,260 + 1,200 =
 * 8,460 (A 3,384, B 3,384) and 20% of it, 1,692, reaches no pool.
 */
export const UNASSIGNED_MATRIX: Cells = [
  ['From', 'Y', 'Z', 'A', 'B', 'Unassigned', 'Total passed on'],
  ['Y', null, 0, 3384, 3384, 1692, 6768],
  ['Z', 1200, null, 800, 2000, 0, 4000],
  ['Total', 1200, 0, 4184, 5384, 1692, 10768],
];

/** The same, under the operating pools: 37,568 after support + 1,692 unassigned = the ledger total. */
export const UNASSIGNED_OPERATING: Cells = [
  ['Pool', 'Own cost', 'From Y', 'From Z', 'Cost after support'],
  ['A', 12000, 3384, 800, 16184],
  ['B', 16000, 3384, 2000, 21384],
  ['Total', 28000, 6768, 2800, 37568],
  ['Support cost left unassigned', null, null, null, 1692],
  ['Ledger total', null, null, null, 39260],
];
