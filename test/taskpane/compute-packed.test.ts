/**
 * The worker's computation of packed grids (ComputeSession.computePacked): the same output as computing
 * the grids themselves, figures, issues and report sheets alike, with the report sheets packed for the
 * reply; and the same through the real worker module.
 */
import { ComputeSession, type ComputeOutput, type ComputeStep, unpackComputeOutput } from '../../src/taskpane/compute';
import { sessionComputer, workerComputer } from '../../src/taskpane/computer';
import { packGrids } from '../../src/taskpane/grid-columns';
import { sampleGrids } from '../../src/sample';
import { workerOfModule } from './worker-module';

const request = (grids = [...sampleGrids()]) => ({ grids, readIssues: [], broken: [], language: 'en' as const, statements: ['10527'] });

/** The output without what differs from one computation to the next. */
const figures = ({ computeMs: _ms, resultId: _id, ...rest }: ComputeOutput) => rest;

describe('computing packed grids', () => {
  test('gives the output of the grids themselves, its report sheets packed for the reply', () => {
    const plain = new ComputeSession().compute(request());
    const { output, transfer } = new ComputeSession().computePacked({ ...request(), grids: packGrids(request().grids).packed });
    // Five buffers of the packed sheets: rows per sheet, row styles, cells per row, cell tags, numbers.
    expect(transfer).toHaveLength(5);
    const unpacked = unpackComputeOutput(structuredClone(output));
    expect(figures(unpacked)).toEqual(figures(plain));
    expect(unpacked.json?.totals?.netProfit).toBe(1898798.57);
    expect(unpacked.json?.totals?.operatingProfit).toBe(1051802.8);
    expect(unpacked.sheets?.map((s) => s.name)).toEqual(['ABC Customer P&L', 'ABC Rates', 'ABC Summary', 'ABC Actions', 'ABC Cost flow', 'ABC Statement 10527']);
  });

  test('reports each step in order, and computeMs covers them all', () => {
    let clock = 0;
    const steps: Array<[ComputeStep, number]> = [];
    const session = new ComputeSession(
      () => (clock += 10),
      (step, ms) => steps.push([step, ms]),
    );
    const { output } = session.computePacked({ ...request(), grids: packGrids(request().grids).packed });
    expect(steps.map(([step]) => step)).toEqual(['analyse', 'sheets', 'json', 'pack']);
    expect(steps.every(([, ms]) => ms >= 10)).toBe(true);
    expect(output.computeMs).toBeGreaterThanOrEqual(steps.reduce((sum, [, ms]) => sum + ms, 0));
  });

  test('a customer name longer than an Excel cell holds is cut, with TEXT_CUT among the issues and in the JSON (issue 16)', () => {
    const grids = request().grids.map(([name, grid]): [typeof name, typeof grid] => {
      if (name !== 'ABC_Customers' || !('rows' in grid)) return [name, grid];
      const nameColumn = (grid.rows[0] ?? []).indexOf('Name');
      const rows = grid.rows.map((row, r) => (r === 1 ? row.map((v, c) => (c === nameColumn ? 'N'.repeat(40_000) : v)) : row));
      return [name, { ...grid, rows }];
    });
    const output = new ComputeSession().compute(request(grids));
    const cut = output.issues.filter((i) => i.code === 'TEXT_CUT');
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.every((i) => i.severity === 'warning')).toBe(true);
    expect(output.json?.issues.some((i) => i.code === 'TEXT_CUT')).toBe(true);
    const longest = Math.max(...(output.sheets ?? []).flatMap((s) => s.rows.flatMap((r) => r.cells.map((c) => (typeof c.value === 'string' ? c.value.length : 0)))));
    expect(longest).toBe(32_767);
  });

  test('a model with errors: its issues, no sheets and nothing to transfer', () => {
    const grids = request().grids.filter(([name]) => name !== 'ABC_Customers');
    const { output, transfer } = new ComputeSession().computePacked({ ...request(grids), grids: packGrids(grids).packed });
    expect(transfer).toEqual([]);
    expect(output.json).toBeNull();
    expect(output.sheets).toBeNull();
    expect(output.issues.map((i) => [i.code, i.where.range])).toEqual([['MISSING_RANGE', 'ABC_Customers']]);
  });

  test('through the real worker module, the pane gets what the inline computer gives', async () => {
    const [inWorker, inline] = await Promise.all([workerComputer(workerOfModule()).compute(request()), sessionComputer().compute(request())]);
    expect(figures(inWorker)).toEqual(figures(inline));
    expect(inWorker.sheets?.[0]?.rows.find((r) => r.style === 'body')?.cells.map((c) => c.value)).toContain(326131.85);
  });
});
