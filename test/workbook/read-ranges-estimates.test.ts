/**
 * Issue 21: the ranges of the estimates. ABC_Activities' optional Low / High / Group (Laag / Hoog / Groep)
 * and the settings DefaultRange, Simulations and Seed, each rule with its code, cell and message in both
 * languages.
 */
import fc from 'fast-check';
import { renderMessage } from '../../src/engine/messages';
import type { Issue } from '../../src/engine/issues';
import { readContract } from '../../src/workbook/contract';
import type { CellValue } from '../../src/workbook/grid';
import { grid, validGrids } from './contract-fixtures';

const ACTIVITY_HEADERS = ['Activity', 'Pool', 'Driver', 'Minutes', 'Share', 'Rate', 'Low', 'High', 'Group'];

function withActivities(rows: CellValue[][], headers: CellValue[] = ACTIVITY_HEADERS) {
  const grids = validGrids();
  grids.set('ABC_Activities', grid('ABC_Activities', 'Activities', [headers, ...rows]));
  return grids;
}

function withSettings(rows: CellValue[][]) {
  const grids = validGrids();
  grids.set('ABC_Settings', grid('ABC_Settings', 'Settings', [['Setting', 'Value'], ...rows]));
  return grids;
}

const issuesOf = (issues: readonly Issue[], range: string) => issues.filter((i) => i.where.range === range).map((i) => [i.code, i.where.cell, i.message]);
const dutch = (issues: readonly Issue[], range: string) => issues.filter((i) => i.where.range === range).map((i) => renderMessage(i.text, 'nl'));

const ranges = (rows: CellValue[][], headers?: CellValue[]) =>
  readContract(withActivities(rows, headers)).model.activities.map((a) => [a.activity, a.range?.low.toString() ?? null, a.range?.high.toString() ?? null, a.range?.where?.cell ?? null, a.group ?? null]);

describe('Low, High and Group of ABC_Activities', () => {
  test('a range and a group are read with the Low cell as the range’s place; both blank is no range', () => {
    const rows: CellValue[][] = [
      ['Order entry', 'Customer service', 'Orders', 5, null, null, 4, 7.5, 'Service'],
      ['Picking', 'Customer service', 'Order lines', 3, null, null, null, null, ' service '],
      ['Account management', 'Management', 'Orders', null, 0.7, null, '60%', { percent: 0.8 }, null],
      ['Delivery', null, 'Deliveries', null, null, 42.5, 42.5, 42.5, null],
    ];
    expect(ranges(rows)).toEqual([
      ['Order entry', '4', '7.5', 'G2', 'Service'],
      // A group is a name: matched like one, the first spelling kept.
      ['Picking', null, null, null, 'Service'],
      // A Share row's range is a share too: 60%, or a percentage cell.
      ['Account management', '0.6', '0.8', 'G4', null],
      ['Delivery', '42.5', '42.5', 'G5', null],
    ]);
    expect(readContract(withActivities(rows)).issues).toEqual([]);
  });

  test('the Dutch headers Laag, Hoog and Groep read the same, in any order and case', () => {
    const headers = ['Activiteit', 'GROEP', 'Kostenpool', 'Kostendrijver', 'laag', 'Minuten', 'Hoog'];
    expect(ranges([['Order invoeren', 'Binnendienst', 'Customer service', 'Orders', 4, 5, 6]], headers)).toEqual([['Order invoeren', '4', '6', 'E2', 'Binnendienst']]);
  });

  test('a model without the columns reads as before: no range, no group', () => {
    const model = readContract(validGrids()).model;
    expect(model.activities.every((a) => a.range === undefined && a.group === undefined)).toBe(true);
  });

  test('Low above the estimate, High below it, and a half range are errors at the cell, in English and Dutch', () => {
    const outcome = readContract(
      withActivities([
        ['Order entry', 'Customer service', 'Orders', 5, null, null, 6, 8, null],
        ['Picking', 'Customer service', 'Order lines', 3, null, null, 2, 2.5, null],
        ['Account management', 'Management', 'Orders', null, 0.7, null, null, '90%', null],
        ['Delivery', null, 'Deliveries', null, null, 42.5, 40, null, null],
      ]),
    );
    expect(issuesOf(outcome.issues, 'ABC_Activities')).toEqual([
      ['RANGE_LOW_ABOVE_ESTIMATE', 'G2', 'Low of activity row "Order entry" is 6, above its Minutes of 5; Low is the lowest plausible value, at most the estimate.'],
      ['RANGE_HIGH_BELOW_ESTIMATE', 'H3', 'High of activity row "Picking" is 2.5, below its Minutes of 3; High is the highest plausible value, at least the estimate.'],
      ['RANGE_INCOMPLETE', 'G4', 'Activity row "Account management" has a High but Low is blank; give both Low and High, or neither (then DefaultRange applies).'],
      ['RANGE_INCOMPLETE', 'H5', 'Activity row "Delivery" has a Low but High is blank; give both Low and High, or neither (then DefaultRange applies).'],
    ]);
    expect(dutch(outcome.issues, 'ABC_Activities')).toEqual([
      'Laag ("Low") van de activiteitenrij "Order entry" is 6, boven de Minuten ("Minutes") van 5; Laag is de laagste aannemelijke waarde, hoogstens de schatting.',
      'Hoog ("High") van de activiteitenrij "Picking" is 2.5, onder de Minuten ("Minutes") van 3; Hoog is de hoogste aannemelijke waarde, minstens de schatting.',
      'De activiteitenrij "Account management" heeft een Hoog ("High") maar Laag ("Low") is leeg; vul Laag en Hoog allebei in, of geen van beide (dan geldt Standaardbandbreedte).',
      'De activiteitenrij "Delivery" heeft een Laag ("Low") maar Hoog ("High") is leeg; vul Laag en Hoog allebei in, of geen van beide (dan geldt Standaardbandbreedte).',
    ]);
    // No row keeps a range it does not have.
    expect(outcome.model.activities.map((a) => a.range)).toEqual([undefined, undefined, undefined, undefined]);
  });

  test('a Low or High that is no number, or negative, is reported as other number cells are, with no follow-on error', () => {
    const outcome = readContract(
      withActivities([
        ['Order entry', 'Customer service', 'Orders', 5, null, null, 'four', 7, null],
        ['Picking', 'Customer service', 'Order lines', 3, null, null, -1, 4, null],
        ['Account management', 'Management', 'Orders', null, 0.7, null, 0.6, { error: '#N/A' }, null],
        // A minutes row's range is minutes: a percentage is refused as for Minutes itself.
        ['Delivery', 'Customer service', 'Deliveries', 2, null, null, { percent: 0.1 }, 3, null],
      ]),
    );
    expect(issuesOf(outcome.issues, 'ABC_Activities').map(([code, cell]) => [code, cell])).toEqual([
      ['NOT_A_NUMBER', 'G2'],
      ['NEGATIVE_VALUE', 'G3'],
      ['ERROR_VALUE', 'H4'],
      ['PERCENT_FOR_AMOUNT', 'G5'],
    ]);
    expect(issuesOf(outcome.issues, 'ABC_Activities')[0]?.[2]).toBe('Low must be a number; found "four".');
    expect(outcome.model.activities.map((a) => a.range)).toEqual([undefined, undefined, undefined, undefined]);
  });

  test('a row whose estimate is unusable is not compared with its range', () => {
    const outcome = readContract(withActivities([['Order entry', 'Customer service', 'Orders', 'five', null, null, 6, 8, null]]));
    expect(issuesOf(outcome.issues, 'ABC_Activities').map(([code, cell]) => [code, cell])).toEqual([['NOT_A_NUMBER', 'D2']]);
  });

  test('Low twice is DUPLICATE_COLUMN; without a High column a filled Low is RANGE_INCOMPLETE at its own cell', () => {
    const outcome = readContract(withActivities([['Order entry', 'Customer service', 'Orders', 5, 4, 6]], ['Activity', 'Pool', 'Driver', 'Minutes', 'Low', 'Laag']));
    expect(issuesOf(outcome.issues, 'ABC_Activities')).toEqual([
      ['DUPLICATE_COLUMN', 'F1', 'Column Low appears twice: "Low" and "Laag"; only the first is read.'],
      ['RANGE_INCOMPLETE', 'E2', 'Activity row "Order entry" has a Low but High is blank; give both Low and High, or neither (then DefaultRange applies).'],
    ]);
  });
});

describe('near-miss headers of the range columns', () => {
  test.each([
    ['Lo', 'Low'],
    ['Hi', 'High'],
    ['Laagste', 'Low'],
    ['Hoogste', 'High'],
    ['Lowest', 'Low'],
    ['Maximum', 'High'],
    ['Groups', 'Group'],
    ['Groepen', 'Groep'],
  ])('%s is NEAR_MISS_HEADER naming %s, not silently ignored', (header, resembles) => {
    const outcome = readContract(withActivities([['Order entry', 'Customer service', 'Orders', 5, 4]], ['Activity', 'Pool', 'Driver', 'Minutes', header]));
    expect(issuesOf(outcome.issues, 'ABC_Activities')).toEqual([
      [
        'NEAR_MISS_HEADER',
        'E1',
        `The column "${header}" of ABC_Activities is no column of the contract but resembles "${resembles}"; it would be ignored. Rename it to ${resembles} if that is what it holds, or give it another header if it is not.`,
      ],
    ]);
    expect(renderMessage(outcome.issues[0]!.text, 'nl')).toBe(
      `De kolom "${header}" van ABC_Activities is geen kolom van het contract maar lijkt op "${resembles}"; hij zou genegeerd worden. Hernoem hem naar ${resembles} als hij dat bevat, of geef hem een andere kop als dat niet zo is.`,
    );
  });

  test('other columns of ABC_Activities stay ignored, even when they resemble Activity or Driver', () => {
    const headers = ['Activity', 'Pool', 'Driver', 'Minutes', 'Activity ID', 'Note', 'Source', 'Drivers note', 'Lower floor'];
    const outcome = readContract(withActivities([['Order entry', 'Customer service', 'Orders', 5, 'A1', 'x', 'survey', 'y', 'z']], headers));
    expect(issuesOf(outcome.issues, 'ABC_Activities')).toEqual([]);
  });
});

describe('DefaultRange, Simulations and Seed of ABC_Settings', () => {
  const range = (value: CellValue) => {
    const r = readContract(withSettings([['DefaultRange', value]])).model.settings.defaultRange;
    return r === undefined ? undefined : [r.below.toString(), r.above.toString()];
  };

  test.each<[CellValue, string, string]>([
    ['±20%', '0.2', '0.2'],
    ['+/-20%', '0.2', '0.2'],
    ['+/- 12.5 %', '0.125', '0.125'],
    ['20%', '0.2', '0.2'],
    ['-30%/+10%', '0.3', '0.1'],
    ['-30% / 10%', '0.3', '0.1'],
    ['+10%/-30%', '0.3', '0.1'],
    ['0.2', '0.2', '0.2'],
    [0.2, '0.2', '0.2'],
    [{ percent: 0.25 }, '0.25', '0.25'],
    ['±100%', '1', '1'],
    ['-0%/+50%', '0', '0.5'],
  ])('%p is %s below and %s above', (value, below, above) => {
    expect(range(value)).toEqual([below, above]);
  });

  test('the Dutch name Standaardbandbreedte reads the same; without the setting there is no default range', () => {
    expect(readContract(withSettings([['Standaardbandbreedte', '±15%']])).model.settings.defaultRange?.above.toString()).toBe('0.15');
    expect(readContract(withSettings([['Default range', '±15%']])).model.settings.defaultRange?.below.toString()).toBe('0.15');
    expect(readContract(validGrids()).model.settings.defaultRange).toBeUndefined();
  });

  test.each<[CellValue]>([['20'], [20], ['±120%'], ['-130%/+10%'], ['+30%/+10%'], ['-30%/-10%'], ['20 %%'], ['±12,5%'], ['wide'], [-0.2], [true]])(
    'DefaultRange %p is INVALID_SETTING at its cell',
    (value) => {
      const outcome = readContract(withSettings([['DefaultRange', value]]));
      const issues = issuesOf(outcome.issues, 'ABC_Settings');
      expect(issues.map(([code, cell]) => [code, cell])).toEqual([['INVALID_SETTING', 'B2']]);
      expect(issues[0]?.[2]).toMatch(
        /^DefaultRange must be a percentage below and above the estimate: ±20% \(or \+\/-20%, 20%, 0\.2\) for the same on both sides, -30%\/\+10% for different ones; below at most 100%; found .+\.$/,
      );
      expect(dutch(outcome.issues, 'ABC_Settings')[0]).toMatch(
        /^Standaardbandbreedte moet een percentage onder en boven de schatting zijn: ±20% \(of \+\/-20%, 20%, 0\.2\) voor aan beide kanten hetzelfde, -30%\/\+10% voor verschillende; onder hoogstens 100%; er staat .+\.$/,
      );
      expect(outcome.model.settings.defaultRange).toBeUndefined();
    },
  );

  test('Simulations and Seed are whole numbers, in English or Dutch, as number cells or plain text', () => {
    const en = readContract(withSettings([['Simulations', 5000], ['Seed', '42']])).model.settings;
    expect([en.simulations, en.seed]).toEqual([5000, 42]);
    const nl = readContract(withSettings([['Simulaties', '100000'], ['Startgetal', 0]])).model.settings;
    expect([nl.simulations, nl.seed]).toEqual([100000, 0]);
    expect(readContract(withSettings([['Simulations', 1], ['Seed', 4294967295]])).model.settings.seed).toBe(4294967295);
    const none = readContract(validGrids()).model.settings;
    expect([none.simulations, none.seed]).toEqual([undefined, undefined]);
  });

  test.each<[string, CellValue]>([
    ['Simulations', 0],
    ['Simulations', 100001],
    ['Simulations', 1000.5],
    ['Simulations', '1,000'],
    ['Simulations', { percent: 0.5 }],
    ['Simulations', 'many'],
    ['Seed', -1],
    ['Seed', 1.5],
    ['Seed', 4294967296],
    ['Seed', 'abc'],
  ])('%s %p is INVALID_SETTING at its cell', (name, value) => {
    const outcome = readContract(withSettings([[name, value]]));
    const issues = issuesOf(outcome.issues, 'ABC_Settings');
    expect(issues.map(([code, cell]) => [code, cell])).toEqual([['INVALID_SETTING', 'B2']]);
    expect(issues[0]?.[2]).toMatch(
      name === 'Simulations'
        ? /^Simulations must be a whole number of draws from 1 to 100,000 \(such as 1000\); found .+\.$/
        : /^Seed must be a whole number from 0 to 4,294,967,295 \(such as 12345\); found .+\.$/,
    );
    expect(dutch(outcome.issues, 'ABC_Settings')[0]).toMatch(
      name === 'Simulations'
        ? /^Simulaties moet een geheel aantal trekkingen van 1 tot en met 100\.000 zijn \(zoals 1000\); er staat .+\.$/
        : /^Startgetal moet een geheel getal van 0 tot en met 4\.294\.967\.295 zijn \(zoals 12345\); er staat .+\.$/,
    );
    expect(outcome.model.settings[name === 'Simulations' ? 'simulations' : 'seed']).toBeUndefined();
  });
});

describe('properties', () => {
  /** A percentage as typed: a whole number or one with up to three decimals. */
  const percentText = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 999 })).map(([whole, thousandths]) => `${whole}.${String(thousandths).padStart(3, '0')}`);

  test('-a%/+b% and ±a% read as exactly a/100 below and b/100 above, whatever the spacing', () => {
    fc.assert(
      fc.property(percentText, percentText, fc.constantFrom('', ' '), (a, b, space) => {
        const below = Number(a) <= 100;
        const two = readContract(withSettings([['DefaultRange', `-${a}%${space}/${space}+${b}%`]])).model.settings.defaultRange;
        const one = readContract(withSettings([['DefaultRange', `±${space}${a}%`]])).model.settings.defaultRange;
        if (!below) return two === undefined && one === undefined;
        return (
          two?.below.times(100).eq(a) === true &&
          two.above.times(100).eq(b) &&
          one?.below.times(100).eq(a) === true &&
          one.above.eq(one.below)
        );
      }),
    );
  });

  test('a Low and High around the estimate is kept exactly; outside it, it is an error at the offending cell and no range', () => {
    const amount = fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(amount, amount, amount, (value, low, high) => {
        const outcome = readContract(withActivities([['Order entry', 'Customer service', 'Orders', value, null, null, low, high, null]]));
        const codes = issuesOf(outcome.issues, 'ABC_Activities').map(([code, cell]) => `${code}@${cell}`);
        const expected = [...(low > value ? ['RANGE_LOW_ABOVE_ESTIMATE@G2'] : []), ...(high < value ? ['RANGE_HIGH_BELOW_ESTIMATE@H2'] : [])];
        const range = outcome.model.activities[0]?.range;
        const kept = expected.length === 0 ? range?.low.toNumber() === low && range.high.toNumber() === high : range === undefined;
        return JSON.stringify(codes) === JSON.stringify(expected) && kept;
      }),
    );
  });
});
