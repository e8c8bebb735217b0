/**
 * Test workbooks for the runner. Kept apart from the tests so that several test files can share them.
 */
import { writeWorkbook, type NameSpec } from '../xlsx/workbook-files';

/** The department's pool: $560,000 a quarter for 700,000 practical minutes ($0.80 a minute). */
export function kaplanPools(cost = 560000): Array<Array<string | number>> {
  return [['Pool', 'Cost', 'Capacity'], ['Customer service', cost, 700000]];
}

/** The department's time equations: minutes per order, per inquiry and per credit check. */
export const KAPLAN_ACTIVITIES: Array<Array<string | number>> = [
  ['Activity', 'Pool', 'Driver', 'Minutes'],
  ['Process customer orders', 'Customer service', 'Orders', 8],
  ['Handle customer inquiries', 'Customer service', 'Inquiries', 44],
  ['Perform credit checks', 'Customer service', 'Credit checks', 50],
];

/** Kaplan & Anderson's customer-service department (HBR 2004), split over two customers. */
export async function kaplanWorkbook(path: string, tweak: { negativeCost?: boolean; dropCustomers?: boolean; extraSheet?: string } = {}): Promise<void> {
  const names: NameSpec[] = [
    { name: 'ABC_Pools', formula: 'Pools!$A$1:$C$2' },
    { name: 'ABC_Activities', formula: 'Activities!$A$1:$D$4' },
    { name: 'ABC_Volumes', formula: "'Trans actions'!$A:$C" },
    { name: 'ABC_Settings', formula: 'Settings!$A$1:$B$3' },
  ];
  if (tweak.dropCustomers !== true) names.push({ name: 'ABC_Customers', formula: 'Customers!$A$1:$E$3' });
  await writeWorkbook(
    path,
    (wb) => {
      wb.addWorksheet('Pools').addRows(kaplanPools(tweak.negativeCost === true ? -560000 : 560000));
      wb.addWorksheet('Activities').addRows(KAPLAN_ACTIVITIES);
      wb.addWorksheet('Customers').addRows([
        ['Customer', 'Name', 'Revenue', 'COGS', 'Segment'],
        [1001, 'Alpha', 1000000, 600000, 'Retail'],
        ['=1+1', '@x', 500000, 300000, '+SUM(A1)'],
      ]);
      wb.addWorksheet('Trans actions').addRows([
        ['Customer', 'Driver', 'Quantity'],
        [1001, 'Orders', 30000],
        [1001, 'Inquiries', 1000],
        [1001, 'Credit checks', 1500],
        ['=1+1', 'Orders', 19000],
        ['=1+1', 'Inquiries', 400],
        ['=1+1', 'Credit checks', 1000],
      ]);
      wb.addWorksheet('Settings').addRows([['Setting', 'Value'], ['Currency', 'USD'], ['Period', '2004-Q1']]);
      if (tweak.extraSheet !== undefined) wb.addWorksheet(tweak.extraSheet).getCell('A1').value = 'my own notes';
    },
    names,
  );
}
