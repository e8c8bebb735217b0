/**
 * The ABC functions as formulas, evaluated against the pure implementations: each row is a formula and
 * the value Excel would show (a number, or an error value with words its message must contain).
 */
import { excelErrorText, isFunctionError } from '../../src/functions/function-result';
import { buildModelIndex, buildModelIndexFromJson, type ModelIndex } from '../../src/functions/model-index';
import { resultToJson } from '../../src/workbook/result-json';
import type { Analysis } from '../../src/workbook/analyse';
import { DEFAULT_SAMPLE_SEED, sampleGrids } from '../../src/sample';
import { analyseWorkbook } from '../../src/workbook/analyse';
import type { ContractRangeName } from '../../src/workbook/contract';
import type { RangeGrid } from '../../src/workbook/grid';
import { evaluateFormula, parseFormula } from './formula';
import { KAPLAN_SHARE, KAPLAN_TIME, ORDER_DESK, analyseSpec, indexSpec } from './models';

/** The index of the JSON result after a trip through structured clone, as from the pane's Web Worker. */
function jsonIndexOf(analysis: Pick<Analysis, 'issues' | 'result'>): ModelIndex {
  const json = analysis.result === null ? null : resultToJson({ issues: analysis.issues, result: analysis.result });
  return buildModelIndexFromJson(structuredClone({ issues: analysis.issues, json }));
}

interface Row {
  formula: string;
  /** A number, or the error value shown in the cell. */
  expected: number | '#N/A' | '#VALUE!' | '#DIV/0!';
  /** For an unrounded rate: compare to this many decimals. Money is compared exactly. */
  digits?: number;
  /** Words the error's message must contain. */
  message?: string;
}

/**
 * Evaluates each row against the index of the analysis, and against the index built from its JSON
 * result (what the task pane publishes after its worker ran), which must give the very same answer.
 */
function check(analysis: Pick<Analysis, 'issues' | 'result'>, rows: readonly Row[]): void {
  const index = buildModelIndex(analysis);
  const fromJson = jsonIndexOf(analysis);
  it.each(rows.map((r) => [r.formula, r] as const))('%s', (_formula, row) => {
    const value = evaluateFormula(index, row.formula);
    expect(evaluateFormula(fromJson, row.formula)).toEqual(value);
    if (typeof row.expected === 'number') {
      if (isFunctionError(value)) throw new Error(`${row.formula} gave ${excelErrorText(value.kind)}: ${value.message}`);
      if (row.digits === undefined) expect(value).toBe(row.expected);
      else expect(value).toBeCloseTo(row.expected, row.digits);
    } else {
      if (!isFunctionError(value)) throw new Error(`${row.formula} gave ${value}, expected ${row.expected}`);
      expect(excelErrorText(value.kind)).toBe(row.expected);
      expect(value.message.length).toBeGreaterThan(0);
      if (row.message !== undefined) expect(value.message).toContain(row.message);
    }
  });
}

describe('time-driven Kaplan & Anderson model', () => {
  check(analyseSpec(KAPLAN_TIME), [
    { formula: 'ABC.ACTIVITYCOST("Process customer orders","A")', expected: 192000 },
    { formula: 'ABC.ACTIVITYCOST("Handle customer inquiries","A")', expected: 14080 },
    { formula: 'ABC.ACTIVITYCOST("Perform credit checks","C")', expected: 40000 },
    { formula: 'ABC.ACTIVITYCOST("Process customer orders")', expected: 313600 },
    { formula: 'ABC.ACTIVITYCOST("Process customer orders",)', expected: 313600 },
    { formula: 'ABC.ACTIVITYCOST("  process CUSTOMER   orders ","a")', expected: 192000 },
    { formula: 'ABC.COSTTOSERVE("A")', expected: 226080 },
    { formula: 'ABC.COSTTOSERVE("B")', expected: 157120 },
    { formula: 'ABC.COSTTOSERVE("c")', expected: 79680 },
    { formula: 'ABC.PROFIT("A")', expected: 143920 },
    { formula: 'ABC.PROFIT("B")', expected: 92880 },
    { formula: 'ABC.PROFIT("C")', expected: -4680 },
    // 143,920 / 1,470,000 and −4,680 / 295,000
    { formula: 'ABC.MARGIN("A")', expected: 143920 / 1470000, digits: 12 },
    { formula: 'ABC.MARGIN("C")', expected: -4680 / 295000, digits: 12 },
    { formula: 'ABC.RATE("Customer service")', expected: 0.8 },
    { formula: 'ABC.RATE("customer SERVICE")', expected: 0.8 },
    { formula: 'ABC.DRIVERRATE("Process customer orders")', expected: 6.4 },
    { formula: 'ABC.DRIVERRATE("Handle customer inquiries","Inquiries")', expected: 35.2 },
    { formula: 'ABC.DRIVERRATE("Perform credit checks","credit CHECKS")', expected: 40 },
    { formula: 'ABC.UNUSED("Customer service")', expected: 97120 },
    { formula: 'ABC.COST("Process customer orders",{"Orders"},{1})', expected: 6.4 },
    { formula: 'ABC.COST("Handle customer inquiries","Inquiries",3)', expected: 105.6 },
    { formula: 'ABC.COST("Perform credit checks",{"Credit checks","Credit checks"},{1,2})', expected: 120 },
    { formula: 'ABC.ACTIVITYCOST("Ship pallets")', expected: '#N/A', message: 'Unknown activity "Ship pallets"' },
    { formula: 'ABC.ACTIVITYCOST("Process customer orders","D")', expected: '#N/A', message: 'Unknown customer "D"' },
    { formula: 'ABC.COSTTOSERVE("Z")', expected: '#N/A', message: 'Unknown customer "Z"' },
    { formula: 'ABC.PROFIT(42)', expected: '#N/A', message: 'Unknown customer "42"' },
    { formula: 'ABC.RATE("Warehouse")', expected: '#N/A', message: 'Unknown pool "Warehouse"' },
    { formula: 'ABC.UNUSED("Warehouse")', expected: '#N/A', message: 'Unknown pool "Warehouse"' },
    { formula: 'ABC.DRIVERRATE("Process customer orders","Pallets")', expected: '#N/A', message: 'Unknown driver "Pallets" for activity "Process customer orders": its drivers are Orders' },
    { formula: 'ABC.COST("Process customer orders",{"Orders","Pallets"},{1,2})', expected: '#N/A', message: 'Unknown driver "Pallets"' },
    { formula: 'ABC.COSTTOSERVE("")', expected: '#VALUE!', message: 'Give a customer id' },
    { formula: 'ABC.ACTIVITYCOST()', expected: '#VALUE!', message: 'Give the name of an activity' },
  ]);
});

describe('conventional Kaplan & Anderson model (70/10/20 survey)', () => {
  check(analyseSpec(KAPLAN_SHARE), [
    { formula: 'ABC.DRIVERRATE("Process customer orders")', expected: 8, digits: 12 },
    { formula: 'ABC.DRIVERRATE("Handle customer inquiries")', expected: 40, digits: 12 },
    { formula: 'ABC.DRIVERRATE("Perform credit checks","Credit checks")', expected: 44.8, digits: 12 },
    { formula: 'ABC.ACTIVITYCOST("Process customer orders")', expected: 392000 },
    { formula: 'ABC.ACTIVITYCOST("Process customer orders","A")', expected: 240000 },
    { formula: 'ABC.COSTTOSERVE("A")', expected: 278400 },
    { formula: 'ABC.COSTTOSERVE("B")', expected: 188800 },
    { formula: 'ABC.COSTTOSERVE("C")', expected: 92800 },
    { formula: 'ABC.COST("Perform credit checks",{"Credit checks"},{2})', expected: 89.6 },
    { formula: 'ABC.COST("Process customer orders","Orders",0.5)', expected: 4 },
    { formula: 'ABC.RATE("Customer service")', expected: '#N/A', message: 'Pool "Customer service" is conventional' },
    { formula: 'ABC.UNUSED("Customer service")', expected: '#N/A', message: 'no unused capacity' },
  ]);
});

// Hand computations for the order desk (see ORDER_DESK): a minute costs 96,000 / 115,200 = 5/6.
// Customer 1001: 1,000 orders × 5 + 9,000 lines × 3 + 40 rush × 10 = 32,400 min = 27,000.00; 50 quotes
// × (30 + 6) min = 1,800 min = 1,500.00; net profit 120,000 − 90,000 − 28,500 = 1,500 (1.25 %).
// Customer 1002: 600 × 5 + 3,000 × 3 = 12,000 min = 10,000.00; 120 parcels × 7.50 = 900.00.
// Unused: 115,200 − 32,400 − 12,000 − 1,800 = 69,000 min = 57,500.00.
describe('order desk: time equations, numeric ids, rates, zero quantities', () => {
  check(analyseSpec(ORDER_DESK), [
    // An order of 12 lines that is a rush order: 5 + 12 × 3 + 10 = 51 minutes × 5/6 = 42.50.
    { formula: 'ABC.COST("Order entry",{"Orders","Order lines","Rush orders"},{1,12,1})', expected: 42.5 },
    // The same as columns; without the rush: 41 minutes × 5/6 = 34.1666… → 34.17.
    { formula: 'ABC.COST("Order entry",{"Orders";"Order lines"},{1;12})', expected: 34.17 },
    { formula: 'ABC.COST("Order entry",{"Orders","";"Order lines",""},{1,0;12,""})', expected: 34.17 },
    { formula: 'ABC.COST("ORDER ENTRY",{"orders","order lines","orders"},{1,12,1})', expected: 38.33 },
    { formula: 'ABC.COST("Order entry",{"Orders","Order lines"},{1,"12"})', expected: 34.17 },
    { formula: 'ABC.COST("Quotes","Quotes",2)', expected: 60 },
    { formula: 'ABC.COST("Parcels","Parcels",3)', expected: 22.5 },
    { formula: 'ABC.COST("Order entry",{"Orders","Order lines","Rush orders"},{1,12})', expected: '#VALUE!', message: '3 drivers but 2 quantities' },
    { formula: 'ABC.COST("Order entry",{"Orders","Order lines"},{1,-2})', expected: '#VALUE!', message: 'Quantity 2 is negative' },
    { formula: 'ABC.COST("Order entry",{"Orders","Order lines"},{1,"twelve"})', expected: '#VALUE!', message: 'Quantity 2 ("twelve") is not a number' },
    { formula: 'ABC.COST("Order entry",{"Orders",""},{1,3})', expected: '#VALUE!', message: 'Driver 2 is blank' },
    { formula: 'ABC.COST("Order entry",{""},{0})', expected: '#VALUE!', message: 'Give at least one driver' },
    { formula: 'ABC.COST("Order entry",{"Orders","Pallets"},{1,1})', expected: '#N/A', message: 'Unknown driver "Pallets" for activity "Order entry": its drivers are Orders, Order lines, Rush orders' },
    { formula: 'ABC.COST("Claims","Claims",1)', expected: '#DIV/0!', message: 'total quantity of 0' },
    { formula: 'ABC.ACTIVITYCOST("Order entry",1001)', expected: 27000 },
    { formula: 'ABC.ACTIVITYCOST("order entry","1001")', expected: 27000 },
    { formula: 'ABC.ACTIVITYCOST("Order entry"," 1002 ")', expected: 10000 },
    { formula: 'ABC.ACTIVITYCOST("Order entry")', expected: 37000 },
    { formula: 'ABC.ACTIVITYCOST("Quotes",1002)', expected: 0 },
    { formula: 'ABC.ACTIVITYCOST("Claims")', expected: 5000 },
    { formula: 'ABC.COSTTOSERVE(1001)', expected: 28500 },
    { formula: 'ABC.COSTTOSERVE("1002")', expected: 10900 },
    { formula: 'ABC.PROFIT(1001)', expected: 1500 },
    { formula: 'ABC.PROFIT(1002)', expected: 7100 },
    { formula: 'ABC.PROFIT("z-9")', expected: 0 },
    { formula: 'ABC.MARGIN(1001)', expected: 0.0125 },
    { formula: 'ABC.MARGIN(1002)', expected: 7100 / 78000, digits: 12 },
    { formula: 'ABC.MARGIN("Z-9")', expected: '#DIV/0!', message: 'no net revenue' },
    { formula: 'ABC.MARGIN(1003)', expected: '#N/A', message: 'Unknown customer "1003"' },
    { formula: 'ABC.RATE("Order desk")', expected: 5 / 6, digits: 12 },
    { formula: 'ABC.RATE("Back office")', expected: '#N/A', message: 'conventional' },
    { formula: 'ABC.UNUSED("order desk")', expected: 57500 },
    // Two rows for Quotes (30 + 6 minutes) make one cost per quote: 36 × 5/6.
    { formula: 'ABC.DRIVERRATE("Quotes")', expected: 30, digits: 12 },
    { formula: 'ABC.DRIVERRATE("Order entry","Order lines")', expected: 2.5, digits: 12 },
    { formula: 'ABC.DRIVERRATE("Order entry")', expected: '#VALUE!', message: 'has several drivers (Orders, Order lines, Rush orders): give the driver' },
    { formula: 'ABC.DRIVERRATE("Parcels")', expected: 7.5 },
    { formula: 'ABC.DRIVERRATE("Claims")', expected: '#DIV/0!', message: 'Driver "Claims" of activity "Claims" has a total quantity of 0' },
  ]);
});

describe('a model with errors', () => {
  const analysis = analyseSpec({ ...ORDER_DESK, activities: [...(ORDER_DESK.activities ?? []), ['Picking', 'Warehouse', 'Orders', 'minutes', 2]] });
  const first = analysis.issues.find((i) => i.severity === 'error');

  it('has an UNKNOWN_POOL error on row 9 of the activities', () => {
    expect(first?.code).toBe('UNKNOWN_POOL');
    expect(first?.where).toEqual({ range: 'ABC_Activities', sheet: 'Activities', cell: 'A9' });
  });

  check(analysis, [
    { formula: 'ABC.PROFIT(1001)', expected: '#VALUE!', message: `At Activities!A9 (ABC_Activities): ${first?.message}` },
    { formula: 'ABC.ACTIVITYCOST("Order entry")', expected: '#VALUE!', message: 'Activity "Picking" names pool "Warehouse", which is not in ABC_Pools.' },
    // Unknown names do not hide the model's error: the model must be fixed first.
    { formula: 'ABC.RATE("Nowhere")', expected: '#VALUE!', message: 'The model has errors.' },
  ]);
});

describe('the sample wholesaler', () => {
  const analysis = analyseWorkbook(sampleGrids(DEFAULT_SAMPLE_SEED));

  it('computes without errors', () => {
    expect(analysis.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  check(analysis, [
    { formula: 'ABC.ACTIVITYCOST("Order entry",10527)', expected: 15584.96 },
    { formula: 'ABC.ACTIVITYCOST("Order entry")', expected: 878477.04 },
    { formula: 'ABC.ACTIVITYCOST("Parcel shipments")', expected: 97358.25 },
    { formula: 'ABC.ACTIVITYCOST("General administration")', expected: 163800 },
    { formula: 'ABC.COSTTOSERVE(10527)', expected: 71068.16 },
    { formula: 'ABC.COSTTOSERVE("10527")', expected: 71068.16 },
    { formula: 'ABC.PROFIT(10527)', expected: 326131.85 },
    { formula: 'ABC.PROFIT(10559)', expected: -93650.31 },
    { formula: 'ABC.MARGIN(10527)', expected: 326131.85 / 2677147.94, digits: 12 },
    { formula: 'ABC.RATE("Inside sales")', expected: 1018750 / 960000, digits: 12 },
    { formula: 'ABC.RATE("Transport")', expected: 1.640625 },
    { formula: 'ABC.RATE("Administration")', expected: '#N/A', message: 'conventional' },
    { formula: 'ABC.UNUSED("Warehouse")', expected: 312980.72 },
    { formula: 'ABC.UNUSED("Administration")', expected: '#N/A' },
    { formula: 'ABC.DRIVERRATE("Order entry","Order lines")', expected: 0.6 * (1018750 / 960000), digits: 12 },
    { formula: 'ABC.DRIVERRATE("Delivery drops","Rush orders")', expected: 73.828125 },
    { formula: 'ABC.DRIVERRATE("Invoicing")', expected: (546000 * 0.35) / 26915, digits: 12 },
    { formula: 'ABC.DRIVERRATE("Parcel shipments")', expected: 8.25 },
    { formula: 'ABC.DRIVERRATE("General administration")', expected: '#N/A', message: 'business-sustaining' },
    // An order of 12 lines that is a rush order: (12 + 12 × 0.6 + 15) = 34.2 minutes at
    // 1,018,750 / 960,000 a minute = 36.29296875 → 36.29.
    { formula: 'ABC.COST("Order entry",{"Orders","Order lines","Rush orders"},{1,12,1})', expected: 36.29 },
    // Its delivery: a drop (40 minutes) that is a rush (45 more) at 1.640625 a minute = 139.453125 → 139.45.
    { formula: 'ABC.COST("Delivery drops",{"Delivery drops","Rush orders"},{1,1})', expected: 139.45 },
    { formula: 'ABC.COST("General administration","Invoices",1)', expected: '#N/A', message: 'business-sustaining and has no driver' },
    { formula: 'ABC.PROFIT(99999)', expected: '#N/A', message: 'Unknown customer "99999"' },
  ]);

  it('gives #VALUE! with the first error and its cell when a pool cost is not a number', () => {
    const grids = new Map<ContractRangeName, RangeGrid>(sampleGrids(DEFAULT_SAMPLE_SEED));
    const pools = grids.get('ABC_Pools');
    if (pools === undefined) throw new Error('no pools');
    const rows = pools.rows.map((r) => [...r]);
    const costColumn = (rows[0] ?? []).indexOf('Cost');
    (rows[1] as unknown[])[costColumn] = 'a lot';
    grids.set('ABC_Pools', { ...pools, rows });
    const broken = analyseWorkbook(grids);
    const first = broken.issues.find((i) => i.severity === 'error');
    expect(first?.code).toBe('NOT_A_NUMBER');
    const value = evaluateFormula(buildModelIndex(broken), 'ABC.COSTTOSERVE(10527)');
    expect(value).toEqual({ kind: 'value', message: `The model has errors. At Pools!B2 (ABC_Pools): ${first?.message}` });
  });
});

describe('the test formula reader', () => {
  it('reads strings, numbers, blanks and array constants as Excel passes them', () => {
    expect(parseFormula('=ABC.cost("a ""b""", {1,2;3,4}, -1.5E2, , TRUE)')).toEqual({
      id: 'COST',
      args: ['a "b"', [[1, 2], [3, 4]], -150, null, true],
    });
  });

  it('turns extra arguments and unknown functions into #VALUE!, not exceptions', () => {
    const index = indexSpec(KAPLAN_TIME);
    expect(evaluateFormula(index, 'ABC.PROFIT("A","B")')).toMatchObject({ kind: 'value' });
    expect(evaluateFormula(index, 'ABC.NOPE(1)')).toMatchObject({ kind: 'value', message: 'ABC.NOPE is not a function of this add-in.' });
  });
});
