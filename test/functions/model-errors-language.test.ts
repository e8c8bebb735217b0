import { buildModelIndexFromJson } from '../../src/functions/model-index';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { issueToJson } from '../../src/workbook/result-json';
import { grid, validGrids } from '../workbook/contract-fixtures';

/** The valid fixture with two bad Cost cells: two errors, the first at Pools!B2. */
function brokenIssues() {
  const grids = validGrids();
  grids.set(
    'ABC_Pools',
    grid('ABC_Pools', 'Pools', [
      ['Pool', 'Cost', 'Capacity', 'Unit'],
      ['Customer service', 'lots', 700000, 'minutes'],
      ['Warehouse', -1, 2000, 'hours'],
      ['Management', 90000, null, null],
    ]),
  );
  return analyseWorkbook(grids).issues;
}

function errorMessage(index: ReturnType<typeof buildModelIndexFromJson>): string | undefined {
  return index.status === 'unavailable' ? index.error.message : undefined;
}

describe('the functions tell a model with errors in the pane language', () => {
  it('in Dutch when the pane is Dutch, with the same cell and value', () => {
    const issues = structuredClone(brokenIssues());
    expect(errorMessage(buildModelIndexFromJson({ issues, json: null, language: 'nl' }))).toBe(
      'Het model bevat fouten. Op Pools!B2 (ABC_Pools): Kosten ("Cost") moet een getal zijn; er staat "lots". Nog 1 fout: zie het ABC-taakvenster.',
    );
  });

  it('in English otherwise, and for issues that arrive as JSON (English text only)', () => {
    const issues = brokenIssues();
    const english = 'The model has errors. At Pools!B2 (ABC_Pools): Cost must be a number; found "lots". 1 more error: see the ABC pane.';
    expect(errorMessage(buildModelIndexFromJson({ issues, json: null }))).toBe(english);
    expect(errorMessage(buildModelIndexFromJson({ issues, json: null, language: 'en' }))).toBe(english);
    expect(errorMessage(buildModelIndexFromJson({ issues: issues.map(issueToJson), json: null, language: 'nl' }))).toBe(
      'Het model bevat fouten. Op Pools!B2 (ABC_Pools): Cost must be a number; found "lots". Nog 1 fout: zie het ABC-taakvenster.',
    );
  });
});
