/**
 * The two-service-department textbook case as a whole model: support pools Y (7,260: 40% A, 40% B,
 * 20% Z) and Z (4,000: 20% A, 50% B, 30% Y), operating pools A (12,000) and B (16,000), each with one
 * activity that charges its whole cost to two customers by orders (1 and 3), so every euro reaches a
 * customer and operating profit = revenue − COGS − 39,260.
 */
import { dec } from '../../../src/engine/decimal';
import type { ModelInput } from '../../../src/engine/model';
import type { ResourceLineInput, SupportMethod } from '../../../src/engine/support/types';
import { buildModel } from '../../helpers/model';

/** The textbook model; `shareYtoZ` lets a test leave part of Y's cost unassigned. */
export function textbookModel(method?: SupportMethod, yToZ = 0.2): ModelInput {
  const model = buildModel({
    pools: [
      ['Y', 7260],
      ['Z', 4000],
      ['A', 12000],
      ['B', 16000],
    ],
    activities: [
      ['Machining', 'A', 'Orders', 'share', 1],
      ['Assembly', 'B', 'Orders', 'share', 1],
    ],
    customers: [
      ['C1', 30000, 10000],
      ['C2', 60000, 20000],
    ],
    volumes: [
      ['C1', 'Orders', 1],
      ['C2', 'Orders', 3],
    ],
    settings: method === undefined ? {} : { supportMethod: method },
  });
  const at = (row: number, column = 'A') => ({ range: 'ABC_Support', sheet: 'Support', cell: `${column}${row}` });
  const link = (from: string, to: string, share: number, row: number) => ({ from, to, share: dec(share), quantity: null, where: at(row), fromWhere: at(row), toWhere: at(row, 'B') });
  model.support = [
    link('Y', 'A', 0.4, 2),
    link('Y', 'B', 0.4, 3),
    ...(yToZ > 0 ? [link('Y', 'Z', yToZ, 4)] : []),
    link('Z', 'A', 0.2, 5),
    link('Z', 'B', 0.5, 6),
    link('Z', 'Y', 0.3, 7),
  ];
  return model;
}

/** A ledger line of `ABC_Resources` on sheet `sheet`, row `row`, for tests that give the textbook pools a ledger. */
export function ledgerLine(account: string, description: string | null, amount: number, pool: string, row: number, sheet = 'Ledger'): ResourceLineInput {
  return { account, description, amount: dec(amount), pool, where: { range: 'ABC_Resources', sheet, cell: `A${row}` } };
}
