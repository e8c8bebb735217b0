/** Ledger lines for the textbook model (test/engine/first-stage/textbook-model.ts), so a trace reaches level 4. */
import { dec } from '../../../src/engine/decimal';
import type { ResourceLineInput } from '../../../src/engine/support/types';

const at = (row: number) => ({ range: 'ABC_Resources', sheet: 'Resources', cell: `A${row}` });
/** The textbook pools' costs as ledger lines: Y 7,260 IT; Z 3,000 salaries + 1,000 rent; A 9,000 + 3,000; B 16,000 salaries. */
export function textbookLedger(): ResourceLineInput[] {
  const line = (account: string, description: string, amount: number, pool: string, row: number): ResourceLineInput => ({ account, description, amount: dec(amount), pool, where: at(row) });
  return [
    line('4600', 'IT contracts', 7260, 'Y', 2),
    line('4000', 'Salaries', 3000, 'Z', 3),
    line('4300', 'Rent', 1000, 'Z', 4),
    line('4000', 'Salaries', 9000, 'A', 5),
    line('4300', 'Rent', 3000, 'A', 6),
    line('4000', 'Salaries', 16000, 'B', 7),
  ];
}

