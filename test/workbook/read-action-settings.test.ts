/** OrderFollowingDrivers and PlausibleFeeShare read from ABC_Settings, in English and Dutch, with located errors. */
import { analyseWorkbook } from '../../src/workbook/analyse';
import { readContract } from '../../src/workbook/contract';
import type { CellValue } from '../../src/workbook/grid';
import { grid, validGrids } from './contract-fixtures';

function withSettings(rows: CellValue[][]) {
  const grids = validGrids();
  grids.set('ABC_Settings', grid('ABC_Settings', 'Settings', [['Setting', 'Value'], ['OrderDriver', 'Orders'], ['OrderLineDriver', 'Order lines'], ...rows]));
  return grids;
}

const settingIssues = (issues: ReadonlyArray<{ code: string; where: { range?: string | null; cell?: string | null }; message: string }>) =>
  issues.filter((i) => i.where.range === 'ABC_Settings').map((i) => [i.code, i.where.cell, i.message]);

test('a list of drivers separated by semicolons or commas, in English or Dutch; the share as a percentage, a fraction or percent text', () => {
  const en = readContract(withSettings([['Order following drivers', ' Deliveries ; Rush orders,'], ['PlausibleFeeShare', { percent: 0.08 }]]));
  expect(en.model.settings.orderFollowingDrivers).toEqual({ names: ['Deliveries', 'Rush orders'], where: { range: 'ABC_Settings', sheet: 'Settings', cell: 'B4' } });
  expect(en.model.settings.plausibleFeeShare?.toString()).toBe('0.08');
  const nl = readContract(withSettings([['Ordervolgendedrijvers', 'Deliveries'], ['AanvaardbareToeslag', '12.5%']]));
  expect(nl.model.settings.orderFollowingDrivers?.names).toEqual(['Deliveries']);
  expect(nl.model.settings.plausibleFeeShare?.toString()).toBe('0.125');
  expect(readContract(withSettings([['PlausibleFeeShare', 0.1]])).model.settings.plausibleFeeShare?.toString()).toBe('0.1');
  expect(settingIssues(en.issues)).toEqual([]);
  expect(settingIssues(nl.issues)).toEqual([]);
});

test('a share of 10 (meant as 10%?), 0 or text is refused at its cell, not guessed at', () => {
  for (const value of [10, 0, 'ten percent', { percent: 1.5 }] as CellValue[]) {
    const issues = settingIssues(readContract(withSettings([['PlausibleFeeShare', value]])).issues);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.slice(0, 2)).toEqual(['INVALID_SETTING', 'B4']);
    expect(issues[0]?.[2]).toMatch(/^PlausibleFeeShare must be the largest plausible order fee as a share of the average order value, above 0% and at most 100% \(such as 10%\); found /);
  }
});

test('a driver ABC_Volumes lacks is an error at the setting cell, and so is the OrderLineDriver', () => {
  const analysis = analyseWorkbook(withSettings([['OrderFollowingDrivers', 'Deliveries; Drops; order lines']]));
  expect(settingIssues(analysis.issues)).toEqual([
    ['INVALID_SETTING', 'B4', 'OrderFollowingDrivers names "Drops", which is no driver of ABC_Volumes, so it cannot follow orders; the drivers are Orders, Order lines, Rush orders, Deliveries.'],
    ['INVALID_SETTING', 'B4', 'OrderFollowingDrivers names "order lines", the OrderLineDriver: a minimum order keeps the order lines and merges only the orders, so order lines cannot follow orders.'],
  ]);
  expect(analysis.result).toBeNull();
});

test('the unknown-setting warning lists the new settings in both languages', () => {
  const issues = settingIssues(readContract(withSettings([['Drops follow', 'yes']])).issues);
  expect(issues).toEqual([
    [
      'UNKNOWN_SETTING',
      'A4',
      'Unknown setting "Drops follow" is ignored; the settings are Currency, Period, UnusedCapacity, Language, OrderDriver, OrderLineDriver, StatementSegment, MinutesPerFTE, Dimensions, OrderFollowingDrivers, PlausibleFeeShare, SupportMethod, DefaultRange, Simulations, Seed.',
    ],
  ]);
});
