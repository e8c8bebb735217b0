/**
 * `ABC_Support` and the setting `SupportMethod` (issue 19): links read in English and Dutch, a share as a
 * fraction, a percentage cell or `40%` text, a quantity of a basis, and every cell-level problem located.
 */
import { renderMessage } from '../../src/engine/messages';
import { readContract } from '../../src/workbook/contract';
import type { CellValue } from '../../src/workbook/grid';
import { located, validGrids, withRange } from './contract-fixtures';

const str = (d: { toString(): string } | null): string | null => (d === null ? null : d.toString());

function readSupport(rows: CellValue[][]): ReturnType<typeof readContract> {
  return readContract(withRange(validGrids(), 'ABC_Support', rows, 'Support'));
}

/** The Dutch message of the outcome's first issue. */
function firstInDutch(outcome: ReturnType<typeof readContract>): string {
  const issue = outcome.issues[0];
  return issue === undefined ? '' : renderMessage(issue.text, 'nl');
}

function links(outcome: ReturnType<typeof readContract>): Array<[string, string, string | null, string | null]> {
  return (outcome.model.support ?? []).map((l) => [l.from, l.to, str(l.share), str(l.quantity)]);
}

describe('ABC_Support', () => {
  test('reads shares (a fraction, a percentage cell, "40%" text) and quantities, each link located at its From and To cells', () => {
    const outcome = readSupport([
      ['From', 'To', 'Share', 'Quantity'],
      ['IT', 'Warehouse', 0.4, null],
      ['IT', 'Customer service', { percent: 0.5 }, null],
      ['IT', 'HR', '10%', null],
      ['HR', 'Warehouse', null, 23.5],
      ['HR', 'IT', null, 0],
      ['HR', 'Management', 1, null],
    ]);
    expect(outcome.issues).toEqual([]);
    expect(links(outcome)).toEqual([
      ['IT', 'Warehouse', '0.4', null],
      ['IT', 'Customer service', '0.5', null],
      ['IT', 'HR', '0.1', null],
      ['HR', 'Warehouse', null, '23.5'],
      ['HR', 'IT', null, '0'],
      ['HR', 'Management', '1', null],
    ]);
    const link = outcome.model.support?.[3];
    expect(link?.where).toEqual({ range: 'ABC_Support', sheet: 'Support', cell: 'A5' });
    expect(link?.fromWhere).toEqual({ range: 'ABC_Support', sheet: 'Support', cell: 'A5' });
    expect(link?.toWhere).toEqual({ range: 'ABC_Support', sheet: 'Support', cell: 'B5' });
    expect(outcome.ranges.find((r) => r.name === 'ABC_Support')).toMatchObject({ found: true, sheet: 'Support', address: 'A1:D7', dataRows: 6 });
  });

  test('reads Dutch headers, and a range with only a Share or only a Quantity column', () => {
    const dutch = readSupport([
      ['Aantal', 'Naar', 'Van'],
      [12, 'Magazijn', 'ICT'],
    ]);
    expect(dutch.issues).toEqual([]);
    expect(links(dutch)).toEqual([['ICT', 'Magazijn', null, '12']]);
    expect(dutch.model.support?.[0]?.toWhere?.cell).toBe('B2');
    const shares = readSupport([
      ['Van', 'Naar', 'Aandeel'],
      ['ICT', 'Magazijn', '70%'],
    ]);
    expect(shares.issues).toEqual([]);
    expect(links(shares)).toEqual([['ICT', 'Magazijn', '0.7', null]]);
  });

  test('a row must fill exactly one of Share and Quantity: neither or both is an error at the row', () => {
    const outcome = readSupport([
      ['From', 'To', 'Share', 'Quantity'],
      ['IT', 'Warehouse', null, null],
      ['IT', 'Sales', 0.5, 10],
      [null, null, null, null, 'note'],
    ]);
    expect(located(outcome)).toEqual([
      ['NO_SHARE_OR_QUANTITY', 'error', 'ABC_Support', 'Support!A2:E2', 'The support row from "IT" to "Warehouse" fills neither Share nor Quantity; fill exactly one.'],
      ['SHARE_AND_QUANTITY', 'error', 'ABC_Support', 'Support!A3:E3', 'The support row from "IT" to "Sales" fills both Share and Quantity; fill exactly one.'],
      ['MISSING_VALUE', 'error', 'ABC_Support', 'Support!A4', 'From is blank; every row needs a pool name.'],
      ['MISSING_VALUE', 'error', 'ABC_Support', 'Support!B4', 'To is blank; every row needs a pool name.'],
      ['NO_SHARE_OR_QUANTITY', 'error', 'ABC_Support', 'Support!A4:E4', 'A support row fills neither Share nor Quantity; fill exactly one.'],
    ]);
    expect(outcome.issues.slice(0, 2).map((i) => renderMessage(i.text, 'nl'))).toEqual([
      'De doorbelastingsrij van "IT" naar "Warehouse" vult Aandeel noch Aantal in; vul er precies één in.',
      'De doorbelastingsrij van "IT" naar "Sales" vult zowel Aandeel als Aantal in; vul er precies één in.',
    ]);
    // Kept, so IT is still a support pool and its other links are checked; the row without pools is dropped.
    expect(links(outcome)).toEqual([
      ['IT', 'Warehouse', '0', null],
      ['IT', 'Sales', '0.5', null],
    ]);
  });

  test('a share must be above 0 and at most 100%; a quantity a number of at least 0: each an error at its cell', () => {
    const outcome = readSupport([
      ['From', 'To', 'Share', 'Quantity'],
      ['IT', 'A', 1.5, null],
      ['IT', 'B', 0, null],
      ['IT', 'C', '150%', null],
      ['IT', 'D', { percent: 1.2 }, null],
      ['IT', 'E', -0.2, null],
      ['HR', 'A', null, -3],
      ['HR', 'B', null, 'ten'],
      ['HR', 'C', null, { percent: 0.3 }],
      ['HR', 'D', 'some', null],
      ['HR', 'E', { error: '#DIV/0!' }, null],
    ]);
    expect(located(outcome)).toEqual([
      ['SHARE_OUT_OF_RANGE', 'error', 'ABC_Support', 'Support!C2', 'Share must be more than 0% and at most 100% (a fraction such as 0.4 or 40%); found 1.5.'],
      ['SHARE_OUT_OF_RANGE', 'error', 'ABC_Support', 'Support!C3', 'Share must be more than 0% and at most 100% (a fraction such as 0.4 or 40%); found 0.'],
      ['SHARE_OUT_OF_RANGE', 'error', 'ABC_Support', 'Support!C4', 'Share must be more than 0% and at most 100% (a fraction such as 0.4 or 40%); found "150%".'],
      ['SHARE_OUT_OF_RANGE', 'error', 'ABC_Support', 'Support!C5', 'Share must be more than 0% and at most 100% (a fraction such as 0.4 or 40%); found 120%.'],
      ['NEGATIVE_VALUE', 'error', 'ABC_Support', 'Support!C6', 'Share must not be negative; found -0.2.'],
      ['NEGATIVE_VALUE', 'error', 'ABC_Support', 'Support!D7', 'Quantity must not be negative; found -3.'],
      ['NOT_A_NUMBER', 'error', 'ABC_Support', 'Support!D8', 'Quantity must be a number; found "ten".'],
      [
        'PERCENT_FOR_AMOUNT',
        'error',
        'ABC_Support',
        'Support!D9',
        'Quantity is formatted as a percentage (30%), but it needs a quantity: enter it as a plain number, not a percentage.',
      ],
      ['NOT_A_NUMBER', 'error', 'ABC_Support', 'Support!C10', 'Share must be a number; found "some".'],
      ['ERROR_VALUE', 'error', 'ABC_Support', 'Support!C11', 'Share holds the error value #DIV/0!.'],
    ]);
    expect(firstInDutch(outcome)).toBe(
      'Aandeel ("Share") moet groter dan 0% en hoogstens 100% zijn (een deel zoals 0,4 of 40%); er staat 1.5.',
    );
    // Every row is kept with 0 for its bad figure: no row vanishes, so no follow-on error about the pools.
    expect(links(outcome).map(([from, to, share, quantity]) => `${from}>${to} ${share ?? '-'} ${quantity ?? '-'}`)).toEqual([
      'IT>A 0 -',
      'IT>B 0 -',
      'IT>C 0 -',
      'IT>D 0 -',
      'IT>E 0 -',
      'HR>A - 0',
      'HR>B - 0',
      'HR>C - 0',
      'HR>D 0 -',
      'HR>E 0 -',
    ]);
  });

  test('without a Share and a Quantity column: MISSING_COLUMN saying each row needs one, in both languages', () => {
    const outcome = readSupport([
      ['From', 'To', 'Basis'],
      ['IT', 'Warehouse', 3],
    ]);
    expect(located(outcome)).toEqual([
      ['MISSING_COLUMN', 'error', 'ABC_Support', 'Support!A1:C1', 'ABC_Support has no column Share / Aandeel, nor Quantity / Aantal: each row needs one of them.'],
    ]);
    expect(firstInDutch(outcome)).toBe(
      'ABC_Support heeft geen kolom Share / Aandeel, en ook geen Quantity / Aantal: elke rij heeft er een van nodig.',
    );
    expect(outcome.model.support).toBeUndefined();
    const noTo = readSupport([
      ['From', 'Share'],
      ['IT', 0.5],
    ]);
    expect(located(noTo)).toEqual([['MISSING_COLUMN', 'error', 'ABC_Support', 'Support!A1:B1', 'ABC_Support has no column To / Naar.']]);
  });

  test('headers only: nothing read, nothing reported, no support in the model', () => {
    const outcome = readSupport([
      ['From', 'To', 'Share', 'Quantity'],
      [null, null, null, null],
    ]);
    expect(outcome.issues).toEqual([]);
    expect('support' in outcome.model).toBe(false);
  });
});

describe('the setting SupportMethod', () => {
  function withSetting(name: string, value: CellValue): ReturnType<typeof readContract> {
    return readContract(
      withRange(validGrids(), 'ABC_Settings', [
        ['Setting', 'Value'],
        ['Currency', 'EUR'],
        [name, value],
      ]),
    );
  }

  test.each([
    ['SupportMethod', 'reciprocal', 'reciprocal'],
    ['SupportMethod', 'step-down', 'step-down'],
    ['Support method', ' Direct ', 'direct'],
    ['Doorbelastingsmethode', 'wederzijds', 'reciprocal'],
    ['doorbelastingsmethode', 'Stapsgewijs', 'step-down'],
    ['Doorbelastingsmethode', 'direct', 'direct'],
  ] as const)('%s = "%s" is %s', (name, value, method) => {
    const outcome = withSetting(name, value);
    expect(outcome.issues).toEqual([]);
    expect(outcome.model.settings.supportMethod).toBe(method);
  });

  test('absent or blank: not set, so the model reads as before (the engine takes reciprocal)', () => {
    expect('supportMethod' in readContract(validGrids()).model.settings).toBe(false);
    const blank = withSetting('SupportMethod', null);
    expect(blank.issues).toEqual([]);
    expect('supportMethod' in blank.model.settings).toBe(false);
  });

  test('any other value is INVALID_SETTING at the value cell, in both languages', () => {
    const outcome = withSetting('SupportMethod', 'sweep');
    expect(located(outcome)).toEqual([
      ['INVALID_SETTING', 'error', 'ABC_Settings', 'Settings!B3', 'SupportMethod must be reciprocal / wederzijds, step-down / stapsgewijs or direct; found "sweep".'],
    ]);
    expect(firstInDutch(outcome)).toBe(
      'Doorbelastingsmethode moet wederzijds / reciprocal, stapsgewijs / step-down of direct zijn; er staat "sweep".',
    );
    expect(located(withSetting('Doorbelastingsmethode', 2))).toEqual([
      ['INVALID_SETTING', 'error', 'ABC_Settings', 'Settings!B3', 'SupportMethod must be reciprocal / wederzijds, step-down / stapsgewijs or direct; found 2.'],
    ]);
    expect(located(withSetting('SupportMethod', { error: '#N/A' }))).toEqual([
      ['ERROR_VALUE', 'error', 'ABC_Settings', 'Settings!B3', 'The value of SupportMethod holds the error value #N/A.'],
    ]);
  });

  test('given twice (once in Dutch) is INVALID_SETTING at the second name', () => {
    const outcome = readContract(
      withRange(validGrids(), 'ABC_Settings', [
        ['Setting', 'Value'],
        ['SupportMethod', 'direct'],
        ['Doorbelastingsmethode', 'stapsgewijs'],
      ]),
    );
    expect(located(outcome)).toEqual([['INVALID_SETTING', 'error', 'ABC_Settings', 'Settings!A3', 'Setting Doorbelastingsmethode is given twice (first at Settings!A2).']]);
    expect(outcome.model.settings.supportMethod).toBe('direct');
  });
});
