/**
 * Never a silently wrong number: formulas without a result, unreadable number cells, percentages where an
 * amount belongs, thousands separators in text and figures beyond the bounds are located errors; shares
 * formatted as percentages and plain decimals read as before.
 */
import type { Issue, IssueCode } from '../../src/engine/issues';
import { renderMessage } from '../../src/engine/messages';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { readNumberCell } from '../../src/workbook/cells';
import { readContract, type ContractRangeName } from '../../src/workbook/contract';
import type { CellValue, RangeGrid } from '../../src/workbook/grid';
import { validGrids, withRange } from './contract-fixtures';

type Located = [IssueCode, string, string | undefined, string | undefined, string | undefined];

function located(issues: Issue[]): Located[] {
  return issues.map((i) => [i.code, i.severity, i.where.range, i.where.sheet, i.where.cell]);
}

/** The valid model with one cell replaced (row and column 0-based within the range, row 0 the headers). */
function withCell(name: ContractRangeName, row: number, column: number, value: CellValue): Map<ContractRangeName, RangeGrid> {
  const grids = validGrids();
  const rows = (grids.get(name)?.rows ?? []).map((r) => r.slice());
  const target = rows[row];
  if (target === undefined) throw new Error(`no row ${row}`);
  target[column] = value;
  return withRange(grids, name, rows);
}

const issuesWith = (name: ContractRangeName, row: number, column: number, value: CellValue): Issue[] =>
  readContract(withCell(name, row, column, value)).issues;

describe('FORMULA_NOT_CALCULATED', () => {
  test('a figure with a formula and no result is an error at its cell, never 0', () => {
    const analysis = analyseWorkbook(withCell('ABC_Volumes', 1, 1, { formula: '450*2' }));
    expect(located(analysis.issues)).toEqual([['FORMULA_NOT_CALCULATED', 'error', 'ABC_Volumes', 'Volumes', 'B2']]);
    expect(analysis.issues[0]?.message).toBe(
      'Orders holds the formula =450*2 but no calculated result; open and save the workbook in Excel or LibreOffice so the result is stored.',
    );
    expect(renderMessage(analysis.issues[0]!.text, 'nl')).toBe(
      'Orders bevat de formule =450*2 maar geen berekende uitkomst; open de werkmap in Excel of LibreOffice en sla hem op, zodat de uitkomst wordt bewaard.',
    );
    expect(analysis.result).toBeNull();
  });

  test('in a header, an id, a name, a dimension and a setting alike', () => {
    let grids = withCell('ABC_Pools', 0, 1, { formula: 'UPPER("Cost")' });
    const customers = (grids.get('ABC_Customers')?.rows ?? []).map((r) => r.slice());
    customers[1]![0] = { formula: 'A1+1' };
    customers[2]![1] = { formula: 'CONCAT("Jan","sen")' };
    customers[2]![5] = { formula: 'VLOOKUP(A3,Seg!A:B,2,0)' };
    grids = withRange(grids, 'ABC_Customers', customers);
    const settings = (grids.get('ABC_Settings')?.rows ?? []).map((r) => r.slice());
    settings[2]![1] = { formula: 'TEXT(TODAY(),"yyyy")' };
    grids = withRange(grids, 'ABC_Settings', settings);
    const { issues } = readContract(grids);
    expect(located(issues.filter((i) => i.code === 'FORMULA_NOT_CALCULATED'))).toEqual([
      ['FORMULA_NOT_CALCULATED', 'error', 'ABC_Pools', 'Pools', 'B1'],
      ['FORMULA_NOT_CALCULATED', 'error', 'ABC_Customers', 'Customers', 'A2'],
      ['FORMULA_NOT_CALCULATED', 'error', 'ABC_Customers', 'Customers', 'B3'],
      ['FORMULA_NOT_CALCULATED', 'error', 'ABC_Customers', 'Customers', 'F3'],
      ['FORMULA_NOT_CALCULATED', 'error', 'ABC_Settings', 'Settings', 'B3'],
    ]);
    // A header cell has no header to name, so its address stands in.
    expect(issues[0]?.message).toMatch(/^B1 holds the formula =UPPER\("Cost"\) but no calculated result/);
  });

  test('a long formula is shortened in the message', () => {
    const long = `SUM(${'A1,'.repeat(100)}A2)`;
    const [issue] = issuesWith('ABC_Customers', 1, 2, { formula: long });
    expect(issue?.code).toBe('FORMULA_NOT_CALCULATED');
    expect(issue?.message).toContain(`=${long.slice(0, 60)}… but`);
  });
});

describe('STORED_VALUE_NOT_A_NUMBER', () => {
  test('a number cell storing "900,5" is an error showing the stored text, in figures and ids', () => {
    expect(located(issuesWith('ABC_Customers', 1, 2, { stored: '900,5' }))).toEqual([
      ['STORED_VALUE_NOT_A_NUMBER', 'error', 'ABC_Customers', 'Customers', 'C2'],
    ]);
    expect(issuesWith('ABC_Customers', 1, 2, { stored: '900,5' })[0]?.message).toBe(
      'Revenue is a number cell, but the value stored in the file is "900,5", which is not a number; type the number into the cell again and save the workbook.',
    );
    expect(located(issuesWith('ABC_Volumes', 2, 0, { stored: '1e' }))).toEqual([
      ['STORED_VALUE_NOT_A_NUMBER', 'error', 'ABC_Volumes', 'Volumes', 'A3'],
    ]);
  });
});

describe('percentages', () => {
  test('PERCENT_FOR_AMOUNT for a discount formatted as 2%', () => {
    const issues = issuesWith('ABC_Customers', 1, 3, { percent: 0.02 });
    expect(located(issues)).toEqual([['PERCENT_FOR_AMOUNT', 'error', 'ABC_Customers', 'Customers', 'D2']]);
    expect(issues[0]?.message).toBe(
      'Discounts is formatted as a percentage (2%), but it needs an amount in currency: enter it as a plain number, not a percentage.',
    );
    expect(renderMessage(issues[0]!.text, 'nl')).toBe(
      'Korting ("Discounts") is opgemaakt als percentage (2%), maar er hoort een bedrag in valuta in: vul het in als gewoon getal, niet als percentage.',
    );
  });

  test.each([
    ['ABC_Pools', 1, 1, 'B2', 'an amount in currency'],
    ['ABC_Pools', 1, 2, 'C2', 'a capacity in minutes or hours'],
    ['ABC_Activities', 1, 3, 'D2', 'a number of minutes'],
    ['ABC_Activities', 7, 5, 'F8', 'an amount in currency'],
    // A wide-form driver column is no contract column, so its message asks for a plain number.
    ['ABC_Volumes', 1, 2, 'C2', 'a plain number'],
    ['ABC_CustomerCosts', 1, 2, 'C2', 'an amount in currency'],
  ] as const)('PERCENT_FOR_AMOUNT in %s column %i/%i (%s)', (name, row, column, cell, needs) => {
    const issues = issuesWith(name, row, column, { percent: 0.125 });
    expect(located(issues).filter((l) => l[0] === 'PERCENT_FOR_AMOUNT')).toEqual([['PERCENT_FOR_AMOUNT', 'error', name, validGrids().get(name)?.sheet, cell]]);
    expect(issues.find((i) => i.code === 'PERCENT_FOR_AMOUNT')?.message).toContain(`(12.5%), but it needs ${needs}:`);
  });

  test('a Share formatted as 70% is the share 0.7: the same figures as the number 0.7', () => {
    const plain = analyseWorkbook(validGrids());
    const percent = analyseWorkbook(withCell('ABC_Activities', 5, 4, { percent: 0.7 }));
    expect(percent.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const management = (r: typeof plain) => r.result?.activities.find((a) => a.activity === 'Account management')?.cost.toString();
    expect(management(percent)).toBe('63000');
    expect(management(plain)).toBe('63000');
    expect(percent.result?.totals.netProfit.toString()).toBe(plain.result?.totals.netProfit.toString());
  });

  test('in ids, names and dimensions a percentage is the text the cell shows', () => {
    let grids = withCell('ABC_Customers', 2, 0, { percent: 0.02 });
    const rows = (grids.get('ABC_Customers')?.rows ?? []).map((r) => r.slice());
    rows[1]![5] = { percent: 0.125 };
    rows[1]![1] = { percent: 1 };
    grids = withRange(grids, 'ABC_Customers', rows);
    const { model, issues } = readContract(grids);
    expect(model.customers.map((c) => [c.id, c.name, c.dimensions[0]?.[1]])).toEqual([
      ['1001', '100%', '12.5%'],
      ['2%', 'Jansen', 'Horeca'],
    ]);
    // Reading the contract raises nothing here; the volumes of C-2 are for the model check to find.
    expect(issues).toEqual([]);
  });

  test('a long-form quantity formatted as a percentage asks for a quantity', () => {
    const issues = readContract(
      withRange(validGrids(), 'ABC_Volumes', [
        ['Customer', 'Driver', 'Quantity'],
        [1001, 'Orders', { percent: 0.5 }],
      ]),
    ).issues;
    expect(located(issues)).toEqual([['PERCENT_FOR_AMOUNT', 'error', 'ABC_Volumes', 'Volumes', 'C2']]);
    expect(issues[0]?.message).toContain('(50%), but it needs a quantity:');
  });

  test('settings: Period takes the text shown, Currency and UnusedCapacity refuse a percentage', () => {
    const grids = withRange(validGrids(), 'ABC_Settings', [
      ['Setting', 'Value'],
      ['Currency', { percent: 0.02 }],
      ['Period', { percent: 0.25 }],
      ['UnusedCapacity', { percent: 1 }],
    ]);
    const { model, issues } = readContract(grids);
    expect(model.settings.period).toBe('25%');
    expect(located(issues)).toEqual([
      ['INVALID_SETTING', 'error', 'ABC_Settings', 'Settings', 'B2'],
      ['INVALID_SETTING', 'error', 'ABC_Settings', 'Settings', 'B4'],
    ]);
    expect(issues[0]?.message).toContain('found 2%.');
  });
});

describe('thousands separators in text', () => {
  test.each([
    ['1.234', '1234', '1.234'],
    ['1,234', '1234', '1.234'],
    ['-1.234', '-1234', '-1.234'],
    ['+123,456', '123456', '123.456'],
    ['1.234.567', '1234567', null],
    ['1,234,567', '1234567', null],
    ['1,234,567.50', '1234567.50', null],
    ['1.234.567,50', '1234567.50', null],
    ['1,234.5', '1234.5', null],
    ['  12.500 ', '12500', '12.500'],
  ])('%s is ambiguous: %s or %s', (text, thousands, decimal) => {
    expect(readNumberCell(text, false)).toEqual({ kind: 'ambiguous', shown: `"${text}"`, thousands, decimal });
  });

  test.each([
    ['0.125', '0.125'],
    ['1.5', '1.5'],
    ['12.25', '12.25'],
    ['1234.5', '1234.5'],
    ['-3', '-3'],
    ['1e3', '1000'],
    ['01.234', '1.234'],
    ['1.2345', '1.2345'],
  ])('%s is a plain decimal: %s', (text, value) => {
    const reading = readNumberCell(text, false);
    expect(reading.kind === 'number' && reading.value.toString()).toBe(value);
  });

  test.each(['12,5', '1,234,5', '1.234.5678', '1 234', '0,125'])('%s is not a number', (text) => {
    expect(readNumberCell(text, false).kind).toBe('not-a-number');
  });

  test('AMBIGUOUS_NUMBER_TEXT is located and names both readings, in English and Dutch', () => {
    const issues = issuesWith('ABC_Volumes', 1, 2, '1.234');
    expect(located(issues)).toEqual([['AMBIGUOUS_NUMBER_TEXT', 'error', 'ABC_Volumes', 'Volumes', 'C2']]);
    expect(issues[0]?.message).toBe(
      'Order lines holds the text "1.234", which could be 1234 or 1.234; enter a real number (a number cell, without thousands separators).',
    );
    expect(renderMessage(issues[0]!.text, 'nl')).toContain('die 1234 of 1,234 kan betekenen');
    const one = issuesWith('ABC_Customers', 1, 2, '1.234.567');
    expect(one[0]?.message).toBe(
      'Revenue holds the text "1.234.567", written with thousands separators (probably 1234567); enter a real number (a number cell, without thousands separators).',
    );
  });

  test('a share written "1.250" is ambiguous too, "70%" still reads as 0.7', () => {
    expect(readNumberCell('1.250', true).kind).toBe('ambiguous');
    const reading = readNumberCell('70%', true);
    expect(reading.kind === 'number' && reading.value.toString()).toBe('0.7');
  });
});

describe('bounds', () => {
  test.each([
    [9_999_999_999_999.99, '9999999999999.99'],
    [-9_999_999_999_999, '-9999999999999'],
    [1e-300, '1e-300'],
    [-0, '0'],
    [0, '0'],
  ])('the number %p is in range', (n, text) => {
    const reading = readNumberCell(n, false);
    expect(reading.kind === 'number' && reading.value.toString()).toBe(text);
  });

  test.each([1e13, -1e13, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Infinity, -Infinity, NaN, 5e-324, -1e-301])(
    'the number %p is out of range',
    (n) => {
      expect(readNumberCell(n, false)).toEqual({ kind: 'out-of-range', shown: String(n) });
    },
  );

  test.each(['1e400', '-1e400', '1e13', '10000000000000', '1e9000000000000001', '1E+99999999999999999999', '1e-400', '1e-9000000000000001', '20000000000000%', `0.${'0'.repeat(299)}1%`])(
    'the text %s is out of range, without hanging',
    (text) => {
      expect(readNumberCell(text, true).kind).toBe('out-of-range');
    },
  );

  test('a zero with any exponent is 0; a long plain number is measured, not guessed', () => {
    const zero = readNumberCell('0e9000000000000001', false);
    expect(zero.kind === 'number' && zero.value.isZero()).toBe(true);
    expect(readNumberCell('9'.repeat(100_000), false).kind).toBe('out-of-range');
    const tiny = readNumberCell(`0.${'0'.repeat(50)}1`, false);
    expect(tiny.kind === 'number' && tiny.value.toString()).toBe('1e-51');
  });

  test('NUMBER_OUT_OF_RANGE is located in every numeric column, also the fast path of long-form quantities', () => {
    const grids = withRange(
      withRange(withCell('ABC_Pools', 1, 1, 1e13), 'ABC_Volumes', [
        ['Customer', 'Driver', 'Quantity'],
        [1001, 'Orders', 120],
        [1001, 'Order lines', 1e13],
        [1001, 'Rush orders', '1e9000000000000001'],
        ['C-2', 'Deliveries', 9_999_999_999_999],
        ['C-2', 'Orders', '1e-400'],
      ]),
      'ABC_CustomerCosts',
      [
        ['Customer', 'Item', 'Amount'],
        [1001, 'Bonus', -Infinity],
      ],
    );
    const { issues } = readContract(grids);
    expect(located(issues)).toEqual([
      ['NUMBER_OUT_OF_RANGE', 'error', 'ABC_Pools', 'Pools', 'B2'],
      ['NUMBER_OUT_OF_RANGE', 'error', 'ABC_Volumes', 'Volumes', 'C3'],
      ['NUMBER_OUT_OF_RANGE', 'error', 'ABC_Volumes', 'Volumes', 'C4'],
      ['NUMBER_OUT_OF_RANGE', 'error', 'ABC_Volumes', 'Volumes', 'C6'],
      ['NUMBER_OUT_OF_RANGE', 'error', 'ABC_CustomerCosts', 'Direct costs', 'C2'],
    ]);
    expect(issues[0]?.message).toBe(
      'Cost holds 10000000000000, which is out of range: a figure must be finite, below 10^13 (ten trillion) in size and, unless it is 0, not below 10^-300.',
    );
    expect(issues[2]?.message).toContain('holds "1e9000000000000001", which is out of range');
  });

  test('a non-finite number as an id or dimension is NUMBER_OUT_OF_RANGE; a huge finite id keeps its digits', () => {
    const rows = (validGrids().get('ABC_Customers')?.rows ?? []).map((r) => r.slice());
    rows[1]![0] = NaN;
    rows[2]![5] = Infinity;
    const { issues } = readContract(withRange(validGrids(), 'ABC_Customers', rows));
    expect(located(issues).slice(0, 2)).toEqual([
      ['NUMBER_OUT_OF_RANGE', 'error', 'ABC_Customers', 'Customers', 'A2'],
      ['NUMBER_OUT_OF_RANGE', 'error', 'ABC_Customers', 'Customers', 'F3'],
    ]);
  });
});
