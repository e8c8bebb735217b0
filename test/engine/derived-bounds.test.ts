/**
 * Figures the engine derives from valid cells are checked before it computes: a capacity far too small
 * for the minutes used, or a tiny driver total, must give COST_OUT_OF_RANGE, not a hang or an Infinity.
 */
import { renderMessage } from '../../src/engine/messages';
import { runModel } from '../../src/engine/run';
import { validateModel } from '../../src/engine/validate';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { validGrids, withRange } from '../workbook/contract-fixtures';
import { buildModel } from '../helpers/model';

const errorsOf = (issues: ReturnType<typeof validateModel>) =>
  issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.where.cell, i.message]);

describe('COST_OUT_OF_RANGE', () => {
  test('a time-driven pool whose capacity is far too small for the minutes used', () => {
    // 560000 / 0.0000001 = 5.6e12 a minute (in range); 5×160 + 3×1000 + 10×3 = 3830 minutes used cost 2.1448e16.
    const grids = validGrids();
    const pools = withRange(grids, 'ABC_Pools', [
      ['Pool', 'Cost', 'Capacity', 'Unit'],
      ['Customer service', 560000, 0.0000001, 'minutes'],
      ['Warehouse', 120000, 2000, 'hours'],
      ['Management', 90000, null, null],
    ]);
    const analysis = analyseWorkbook(pools);
    expect(analysis.result).toBeNull();
    expect(analysis.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.where.sheet, i.where.cell, i.message])).toEqual([
      [
        'COST_OUT_OF_RANGE',
        'Activities',
        'A2',
        'The cost of activity "Order entry" would be 2.1448e+16, beyond 10^15: check the Minutes, Share or Rate of its rows, and the quantities of its drivers.',
      ],
      [
        'COST_OUT_OF_RANGE',
        'Pools',
        'A2',
        'The cost of pool "Customer service" would be -2.1448e+16, beyond 10^15: check its Cost and Capacity, and the Minutes and quantities of its activities.',
      ],
    ]);
    expect(renderMessage(analysis.issues[0]!.text, 'nl')).toBe(
      'De kosten van activiteit "Order entry" zouden 2,1448e+16 worden, meer dan 10^15: controleer de Minuten, het Aandeel of het Tarief van de rijen, en de aantallen van de kostendrijvers.',
    );
  });

  test('the cost per minute itself, when the capacity is tiny and nothing is used', () => {
    const model = buildModel({
      pools: [['Idle', 1_000_000, '1e-12']],
      activities: [['Waiting', 'Idle', 'Orders', 'minutes', 0]],
      customers: [['C1', 100, 50]],
      volumes: [['C1', 'Orders', 1]],
    });
    expect(errorsOf(validateModel(model))).toEqual([
      [
        'COST_OUT_OF_RANGE',
        'A2',
        'The cost per minute of pool "Idle" would be 1e+18, beyond 10^15: check its Cost and Capacity, and the Minutes and quantities of its activities.',
      ],
    ]);
  });

  test('a share pool whose driver adds up to almost nothing: the cost per driver unit', () => {
    const model = buildModel({
      pools: [['Management', 90_000]],
      activities: [['Account management', 'Management', 'Orders', 'share', '0.7']],
      customers: [['C1', 100, 50]],
      volumes: [['C1', 'Orders', '1e-12']],
    });
    expect(errorsOf(validateModel(model))).toEqual([
      [
        'COST_OUT_OF_RANGE',
        'A2',
        'The cost per driver unit of activity "Account management" would be 6.3e+16, beyond 10^15: check the Minutes, Share or Rate of its rows, and the quantities of its drivers.',
      ],
    ]);
  });

  test('a rate activity whose cost adds up past the bound', () => {
    const model = buildModel({
      activities: [['Parcels', null, 'Parcels', 'rate', 9_999_999]],
      customers: [['C1', 100, 50], ['C2', 100, 50]],
      volumes: [['C1', 'Parcels', 9_999_999_999], ['C2', 'Parcels', 1]],
    });
    const issues = validateModel(model);
    expect(errorsOf(issues).map((e) => e.slice(0, 2))).toEqual([['COST_OUT_OF_RANGE', 'A2']]);
    expect(issues[0]?.message).toContain('The cost of activity "Parcels" would be 1e+17, beyond 10^15');
  });

  test('non-finite figures in a model built without the contract are reported, and nothing throws', () => {
    const model = buildModel({
      pools: [['Broken', 'NaN', 100], ['Endless', 'Infinity', null]],
      activities: [['Work', 'Broken', 'Orders', 'minutes', 1]],
      customers: [['C1', 100, 50]],
      volumes: [['C1', 'Orders', 1]],
    });
    const outcome = runModel(model);
    expect(outcome.result).toBeNull();
    const errors = outcome.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.code, i.where.sheet, i.where.cell])).toEqual([
      ['COST_OUT_OF_RANGE', 'Pools', 'A2'],
      ['COST_OUT_OF_RANGE', 'Activities', 'A2'],
      ['COST_OUT_OF_RANGE', 'Pools', 'A3'],
    ]);
    expect(errors[0]?.message).toContain('The cost of pool "Broken" would be NaN');
    expect(errors[2]?.message).toContain('The cost of pool "Endless" would be Infinity');
  });

  test('figures near the bounds still compute, to the cent', () => {
    const model = buildModel({
      pools: [['Big', '9999999999999.99', '9999999999999']],
      activities: [['Work', 'Big', 'Orders', 'minutes', 1]],
      customers: [['C1', '9999999999999.99', '1'], ['C2', '-9999999999999.99', '1']],
      volumes: [['C1', 'Orders', '9999999999999'], ['C2', 'Orders', 0]],
    });
    const outcome = runModel(model);
    expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const c1 = outcome.result?.customers.find((c) => c.customer === 'C1');
    expect(c1?.costToServe.toString()).toBe('9999999999999.99');
    expect(outcome.result?.totals.operatingProfit.toString()).toBe('-10000000000001.99');
  });
});
