/** From grids to issues: the engine's cross-checks located at the cell to fix, and no follow-on noise. */
import { analyseWorkbook } from '../../src/workbook/analyse';
import { validGrids } from './contract-fixtures';

function at(issue: { code: string; where: { sheet?: string; cell?: string } }): string {
  return `${issue.code} ${issue.where.sheet}!${issue.where.cell}`;
}

describe('analyseWorkbook', () => {
  it('computes the valid fixture', () => {
    const analysis = analyseWorkbook(validGrids());
    expect(analysis.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(analysis.result?.customers.length).toBeGreaterThan(0);
  });

  it('points an unknown pool at the Pool cell and a driver without volumes at the Driver cell', () => {
    const grids = validGrids();
    const activities = grids.get('ABC_Activities')!;
    activities.rows[4] = ['Picking', 'Warehose', 'Order lines', 1.5, null, null];
    activities.rows[1] = ['Order entry', 'Customer service', 'Faxes', 5, null, null];
    const analysis = analyseWorkbook(grids);
    expect(analysis.result).toBeNull();
    // the misspelt pool also leaves Warehouse unused, which the warning says
    expect(analysis.issues.map(at)).toEqual(['UNKNOWN_POOL Activities!B5', 'UNUSED_POOL Pools!A3', 'DRIVER_WITHOUT_VOLUMES Activities!C2']);
  });

  it('reports only the missing range, not a follow-on error for every row that refers to it', () => {
    const grids = validGrids();
    grids.delete('ABC_Pools');
    grids.delete('ABC_Volumes');
    const analysis = analyseWorkbook(grids);
    expect(analysis.issues.map((i) => [i.code, i.where.range])).toEqual([
      ['MISSING_RANGE', 'ABC_Pools'],
      ['MISSING_RANGE', 'ABC_Volumes'],
    ]);
  });
});
