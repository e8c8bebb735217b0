/** The cost-flow picture: ledger → support pools → operating pools → activities → customer segments. */
import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import fc from 'fast-check';
import { type Dec, dec, sum } from '../../src/engine/decimal';
import type { ModelInput } from '../../src/engine/model';
import { runModel } from '../../src/engine/run';
import type { CostingResult } from '../../src/engine/result';
import type { SupportMethod } from '../../src/engine/support/types';
import { type CostFlow, costFlowOf } from '../../src/workbook/cost-flow';
import { costFlowSvg, flowMoney } from '../../src/workbook/flow-svg';
import { ledgerLine, textbookModel } from '../engine/first-stage/textbook-model';
import { buildModel } from '../helpers/model';

const costs = (model: ModelInput): CostingResult => {
  const { result, issues } = runModel(model);
  if (result === null) throw new Error(issues.map((i) => i.message).join('\n'));
  return result;
};

const flowOf = (result: CostingResult, language: 'en' | 'nl' = 'en'): CostFlow => {
  const flow = costFlowOf(result, language, flowMoney(result.settings.currency, language));
  if (flow === null) throw new Error('no flow');
  return flow;
};

/** Per gap between neighbouring columns, the sum of the bands crossing it, as cents text. */
const gapSums = (flow: CostFlow): string[] => {
  const column = new Map(flow.nodes.map((n) => [n.id, n.column]));
  return flow.columns.slice(1).map((_, c) => sum(flow.bands.filter((b) => column.get(b.from) === c).map((b) => b.amount)).toFixed(2));
};

const at = (range: string, row: number) => ({ range, sheet: range, cell: `A${row}` });
const line = (account: string, description: string, amount: number, pool: string, row: number) => ledgerLine(account, description, amount, pool, row, 'ABC_Resources');

/** The textbook case with a ledger behind each pool and customers in two segments. */
function ledgerTextbook(method?: SupportMethod): ModelInput {
  const model = textbookModel(method);
  model.resources = [
    line('4100', 'Salaries', 5000, 'Y', 2),
    line('4200', 'Rent', 2260, 'Y', 3),
    line('4100', 'Salaries', 3000, 'Z', 4),
    line('4300', 'Software', 1000, 'Z', 5),
    line('4100', 'Salaries', 10000, 'A', 6),
    line('4200', 'Rent', 2000, 'A', 7),
    line('4200', 'Rent', 6000, 'B', 8),
    line('4400', 'Energy', 10000, 'B', 9),
  ];
  model.customers = model.customers.map((c, i) => ({ ...c, dimensions: [['Segment', i === 0 ? 'Retail' : 'Horeca']] }));
  return model;
}

/**
 * A support pool IT (20% of it reaching no pool), a time pool `R&D <x>` with unused capacity (700 of
 * 1,000 minutes used) and a share pool Sales with a business-sustaining activity and a share left over.
 */
function mixedModel(unusedCapacity: 'report' | 'assign' = 'report', minutesPerLine = 2): ModelInput {
  const model = buildModel({
    pools: [
      ['IT', 1000],
      ['R&D <x>', 5000, 1000],
      ['Sales', 3000],
    ],
    activities: [
      ['Picking', 'R&D <x>', 'Lines', 'minutes', minutesPerLine],
      ['Calls', 'Sales', 'Calls', 'share', 0.6],
      ['Admin', 'Sales', null, 'share', 0.3],
    ],
    customers: [
      ['C1', 9000, 1000],
      ['C2', 9000, 1000],
      ['C3', 9000, 1000],
    ],
    volumes: [
      ['C1', 'Lines', 100],
      ['C2', 'Lines', 200],
      ['C3', 'Lines', 50],
      ['C1', 'Calls', 1],
      ['C2', 'Calls', 2],
      ['C3', 'Calls', 3],
    ],
    settings: { unusedCapacity },
  });
  model.customers = model.customers.map((c, i) => ({ ...c, dimensions: [['Region', 'North'], ['Segment', i === 2 ? 'Horeca' : 'Retail']] }));
  model.settings.statementSegment = { name: 'Segment', where: at('ABC_Settings', 2) };
  model.support = [
    { from: 'IT', to: 'R&D <x>', share: dec(0.5), quantity: null, where: at('ABC_Support', 2) },
    { from: 'IT', to: 'Sales', share: dec(0.3), quantity: null, where: at('ABC_Support', 3) },
  ];
  model.resources = [line('4100', 'Salaries', 4000, 'R&D <x>', 2), line('4500', 'Laptops & <licences>', 1000, 'IT', 3), line('4100', 'Salaries', 1000, 'R&D <x>', 4), line('4100', 'Salaries', 3000, 'Sales', 5)];
  return model;
}

describe('costFlowOf', () => {
  it('the textbook case: five columns, each adding up to the ledger total 39,260 to the cent', () => {
    const result = costs(ledgerTextbook());
    const flow = flowOf(result);
    expect(flow.columns).toEqual(['Ledger accounts', 'Support pools', 'Operating pools', 'Activities', 'Customers by Segment']);
    expect(gapSums(flow)).toEqual(['39260.00', '39260.00', '39260.00', '39260.00']);
    const nodes = flow.nodes.map((n) => [n.column, n.label, n.amount.toFixed(2)]);
    expect(nodes).toEqual([
      // Accounts over all pools, the largest first: salaries 5,000 + 3,000 + 10,000.
      [0, '4100 Salaries', '18000.00'],
      [0, '4200 Rent', '10260.00'],
      [0, '4400 Energy', '10000.00'],
      [0, '4300 Software', '1000.00'],
      // Support pools with their own cost, and the operating pools' own cost.
      [1, 'Y', '7260.00'],
      [1, 'Z', '4000.00'],
      [1, "Operating pools' own cost", '28000.00'],
      [2, 'A', '16760.00'],
      [2, 'B', '22500.00'],
      [3, 'Machining', '16760.00'],
      [3, 'Assembly', '22500.00'],
      // Orders 1 : 3.
      [4, 'Horeca', '29445.00'],
      [4, 'Retail', '9815.00'],
    ]);
    // The engine's figures: the pools' cost after support and each activity's cost.
    expect(result.pools.map((p) => p.cost.toFixed(2))).toEqual(['16760.00', '22500.00']);
    expect(sum(result.customers.map((c) => c.costToServe)).toFixed(2)).toBe('39260.00');
    // Y's own 7,260 ends in A and B (the rounding per operating pool leaves no cent behind).
    const y = flow.bands.filter((b) => b.from === '1:s:y');
    expect(sum(y.map((b) => b.amount)).toFixed(2)).toBe('7260.00');
    expect(flow.notes[1]).toBe("Support pools also pass cost to each other (Y → Z € 1,800.00; Z → Y € 1,740.00); those amounts are counted again where they end up, so the bands show where each support pool's own cost ends.");
  });

  it('support cost reaching no pool, unused capacity and cost not charged reach the last column', () => {
    const result = costs(mixedModel());
    const flow = flowOf(result);
    expect(gapSums(flow)).toEqual(['9000.00', '9000.00', '9000.00', '9000.00']);
    const last = flow.nodes.filter((n) => n.column === 4).map((n) => [n.label, n.amount.toFixed(2)]);
    // R&D <x>: 5,500 for 1,000 minutes, 700 used: Picking 3,850 (lines 100 : 200 : 50, C1 1,100, C2 2,200,
    // C3 550), unused 1,650. Sales: 3,300: Calls 1,980 (C1 330, C2 660, C3 990), Admin 990, 330 left over.
    // Retail (C1, C2) 4,290, Horeca (C3) 1,540.
    // IT: 200 reaches no pool. Not charged: 200 + 330 + 990 = 1,520.
    expect(last).toEqual([
      ['Retail', '4290.00'],
      ['Horeca', '1540.00'],
      ['Not charged to customers', '1520.00'],
      ['Unused capacity', '1650.00'],
    ]);
    expect(result.totals.unusedCapacityCost.toFixed(2)).toBe('1650.00');
    expect(result.totals.unassignedCost.toFixed(2)).toBe('1520.00');
    expect(flow.nodes.find((n) => n.label === 'Support cost reaching no pool')?.amount.toFixed(2)).toBe('200.00');
  });

  it('unused capacity charged to customers flows to their segments', () => {
    // 1,650 by minutes 200 : 400 : 100: C1 471.43, C2 942.86, C3 235.71.
    const flow = flowOf(costs(mixedModel('assign')));
    expect(gapSums(flow)).toEqual(['9000.00', '9000.00', '9000.00', '9000.00']);
    expect(flow.nodes.filter((n) => n.column === 4).map((n) => [n.label, n.amount.toFixed(2)])).toEqual([
      ['Retail', '5704.29'],
      ['Horeca', '1775.71'],
      ['Not charged to customers', '1520.00'],
    ]);
  });

  it('a pool used beyond its capacity is a source of its own, and the columns from the pools on add it', () => {
    // 3 minutes a line: 1,050 of 1,000 minutes; activities carry 5,775, the pool costs 5,500.
    const flow = flowOf(costs(mixedModel('report', 3)));
    expect(flow.beyondCapacity.toFixed(2)).toBe('275.00');
    expect(gapSums(flow)).toEqual(['9000.00', '9275.00', '9275.00', '9275.00']);
    expect(flow.nodes.find((n) => n.kind === 'beyond')?.label).toBe('Used beyond capacity');
    expect(flow.notes).toContain('Pools used beyond their capacity: activities carry € 275.00 more than the pools cost, drawn as a source of its own.');
  });

  it('keeps a long ledger readable: twelve account nodes at most, the rest as other accounts', () => {
    const model = ledgerTextbook();
    // 19 accounts: B's 16,000 over sixteen of 1,000, and one each for A, Y and Z.
    model.resources = [
      ...Array.from({ length: 16 }, (_, i) => line(`${5000 + i}`, `Account ${i}`, 1000, 'B', i + 2)),
      line('6000', 'A cost', 12000, 'A', 30),
      line('6001', 'Y cost', 7260, 'Y', 31),
      line('6002', 'Z cost', 4000, 'Z', 32),
    ];
    const flow = flowOf(costs(model));
    const accounts = flow.nodes.filter((n) => n.column === 0);
    expect(accounts).toHaveLength(12);
    expect(accounts.at(-1)?.label).toBe('Other accounts (8)');
    expect(gapSums(flow)[0]).toBe('39260.00');
  });

  it('a support pool never passes on more than its own cost, down to the last cent', () => {
    // Y 0.05 and Z 0.01: rounded per operating pool, A and B would each get 0.03 of Y and nothing of Z
    // (Y's parts 0.06); the origins are rounded as one table, so Y's parts keep to its 0.05.
    const model = textbookModel('reciprocal');
    model.pools = model.pools.map((p, i) => ({ ...p, cost: dec(['0.05', '0.01', '0.05', '0.05'][i] ?? 0) }));
    const result = costs(model);
    const y = result.firstStage?.pools.flatMap((p) => p.origins.filter((o) => o.pool === 'Y')) ?? [];
    expect(sum(y.map((o) => o.amount)).toFixed(2)).toBe('0.05');
    const flow = flowOf(result);
    const passed = (pool: string) => sum(flow.bands.filter((b) => b.from === `0:s:${pool}`).map((b) => b.amount)).toFixed(2);
    expect([passed('y'), passed('z')]).toEqual(['0.05', '0.01']);
    expect(gapSums(flow)).toEqual(['0.16', '0.16', '0.16']);
  });

  it("labels segments as the Summary's roll-ups do: a blank value as one word, booleans in Dutch as Excel shows them", () => {
    const model = ledgerTextbook();
    model.customers = model.customers.map((c, i) => ({ ...c, dimensions: [['Member', i === 0 ? true : null]] }));
    const labels = (language: 'en' | 'nl') => flowOf(costs(model), language).nodes.filter((n) => n.kind === 'segment').map((n) => n.label);
    expect(labels('nl')).toEqual(['(leeg)', 'WAAR']);
    expect(labels('en')).toEqual(['(blank)', 'true']);
  });

  it('is null without a first stage', () => {
    const plain = textbookModel();
    delete plain.support;
    expect(costFlowOf(costs(plain), 'en', flowMoney('EUR', 'en'))).toBeNull();
    expect(costFlowSvg(costs(plain), 'en')).toBeNull();
  });

  it('every method, any own costs and shares: each column adds up to the ledger total to the cent', () => {
    const cents = fc.integer({ min: 0, max: 100_000_00 });
    fc.assert(
      fc.property(fc.constantFrom<SupportMethod>('reciprocal', 'step-down', 'direct'), fc.array(cents, { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 40 }), (method, [y = 0, z = 0, a = 0, b = 0], yToZ) => {
        const model = textbookModel(method, yToZ / 100);
        model.pools = model.pools.map((p, i) => ({ ...p, cost: dec([y, z, a, b][i] ?? 0).div(100) }));
        const { result } = runModel(model);
        if (result === null) return;
        const flow = flowOf(result);
        const total = (result.firstStage?.ledgerTotal as Dec).toFixed(2);
        expect(gapSums(flow)).toEqual([total, total, total]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('costFlowSvg', () => {
  it('labels every node with its amount in the currency, in English and Dutch', () => {
    const result = costs(ledgerTextbook());
    const en = costFlowSvg(result, 'en') ?? '';
    expect(en).toContain('>A € 16,760.00</text>');
    expect(en).toContain('>4100 Salaries € 18,000.00</text>');
    expect(en).toContain('>Ledger accounts</text>');
    const nl = costFlowSvg(result, 'nl') ?? '';
    expect(nl).toContain('>B € 22.500,00</text>');
    expect(nl).toContain('>Grootboekrekeningen</text>');
    expect(nl).toContain('Doorbelastingsmethode: wederzijds. Elke kolom telt op tot het totaal van het grootboek, € 39.260,00.');
    // One band per pair of nodes with an amount, each the width its amount gives.
    expect((en.match(/<path /g) ?? []).length).toBe(costFlowOf(result, 'en', flowMoney('EUR', 'en'))?.bands.length);
  });

  it('escapes names as XML text and is well-formed', () => {
    const svg = costFlowSvg(costs(mixedModel()), 'en') ?? '';
    expect(svg).toContain('>R&amp;D &lt;x&gt; € 5,500.00</text>');
    expect(svg).toContain('4500 Laptops &amp; &lt;licences&gt; € 1,000.00');
    expect(svg).not.toContain('<x>');
    if (!existsSync('/usr/bin/xmllint')) {
      console.warn('SKIPPED: xmllint is missing (apt-get install libxml2-utils)');
      return;
    }
    expect(() => execFileSync('xmllint', ['--noout', '-'], { input: svg, stdio: ['pipe', 'pipe', 'pipe'] })).not.toThrow();
  });

  it('is the same text every time', () => {
    expect(costFlowSvg(costs(mixedModel()), 'nl')).toBe(costFlowSvg(costs(mixedModel()), 'nl'));
  });
});
