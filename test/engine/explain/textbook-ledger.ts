/** Ledger lines for the textbook model (test/engine/first-stage/textbook-model.ts), so a trace reaches level 4. */
import type { ResourceLineInput } from '../../../src/engine/support/types';
import { ledgerLine } from '../first-stage/textbook-model';

/** The textbook pools' costs as ledger lines: Y 7,260 IT; Z 3,000 salaries + 1,000 rent; A 9,000 + 3,000; B 16,000 salaries. */
export function textbookLedger(): ResourceLineInput[] {
  const line = (account: string, description: string, amount: number, pool: string, row: number): ResourceLineInput => ledgerLine(account, description, amount, pool, row, 'Resources');
  return [
    line('4600', 'IT contracts', 7260, 'Y', 2),
    line('4000', 'Salaries', 3000, 'Z', 3),
    line('4300', 'Rent', 1000, 'Z', 4),
    line('4000', 'Salaries', 9000, 'A', 5),
    line('4300', 'Rent', 3000, 'A', 6),
    line('4000', 'Salaries', 16000, 'B', 7),
  ];
}

