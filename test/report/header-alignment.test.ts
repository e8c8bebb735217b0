/**
 * Header cells over figures stand right (header-alignment.ts): on the sample's Cost flow, Rates, Summary,
 * P&L and a statement, exactly the headers over columns of money, percentages, counts, minutes and rates are
 * marked; headers over text (pools, accounts, descriptions, messages) stay left.
 */
import { analyseWorkbook } from '../../src/workbook/analyse';
import { alignHeaders, rightAlignedRuns } from '../../src/workbook/header-alignment';
import { buildReportSheets } from '../../src/workbook/report-layout';
import { buildStatementSheets, findCustomer } from '../../src/workbook/report-statement';
import type { ReportCell, ReportRow, ReportSheet } from '../../src/workbook/report-types';
import { sampleGrids } from '../../src/sample';

const result = analyseWorkbook(sampleGrids()).result;
if (result === null) throw new Error('the sample must compute');
const report = buildReportSheets(result, 'en');

function aligned(role: ReportSheet['role']): ReportSheet {
  const sheet = report.find((s) => s.role === role);
  if (sheet === undefined) throw new Error(`no sheet ${String(role)}`);
  return alignHeaders(sheet);
}

/** Each header row of a sheet as its labels, the ones marked right after a `→`. */
function headers(sheet: ReportSheet): Array<{ left: string[]; right: string[] }> {
  const label = (c: ReportCell): string => String(c.value);
  return sheet.rows
    .filter((r) => r.style === 'header')
    .map((r) => ({
      left: r.cells.filter((c) => c.value !== null && c.align === undefined).map(label),
      right: r.cells.filter((c) => c.align === 'right').map(label),
    }));
}

const text = (value: string | null): ReportCell => ({ value, format: 'text' });
const money = (value: number | null): ReportCell => ({ value, format: 'money' });
const sheetOf = (rows: ReportRow[]): ReportSheet => ({ name: 'T', columnWidths: [], freeze: { rows: 0, columns: 0 }, rows });

describe('header cells over figures align right', () => {
  test('Cost flow: amounts, counts and the methods right; pool, role, account and description left', () => {
    const flow = aligned('costFlow');
    const [ledger, accounts, matrix, operating, methods] = headers(flow);
    expect(ledger).toEqual({ left: ['Pool', 'Role'], right: ['Accounts', 'Own cost'] });
    // An account number is text (`4100-01`): its header stays left with the description's.
    expect(accounts).toEqual({ left: ['Pool', 'Account', 'Description'], right: ['Amount'] });
    const support = result.firstStage?.pools.filter((p) => p.role === 'support').map((p) => p.pool) ?? [];
    const pools = result.firstStage?.pools.map((p) => p.pool) ?? [];
    // The pools' names are the sample's (other changes may rename them); the sample has support pools.
    expect(support.length).toBeGreaterThan(0);
    expect(matrix).toEqual({ left: ['From'], right: [...pools, 'Unassigned', 'Total passed on'] });
    expect(operating).toEqual({ left: ['Pool'], right: ['Own cost', ...support.map((s) => `From ${s}`), 'Cost after support'] });
    expect(methods?.left).toEqual(['Pool']);
    expect(methods?.right).toEqual(['Reciprocal (chosen)', 'Step-down', 'Direct', 'Step-down − Reciprocal', 'Direct − Reciprocal']);
    expect(headers(flow)).toHaveLength(5);
  });

  test('Rates: pool and activity figures right; names, methods and drivers left', () => {
    const [pools, activities] = headers(aligned('rates'));
    expect(pools?.left).toEqual(['Pool', 'Method']);
    expect(pools?.right).toEqual(expect.arrayContaining(['Cost', 'Capacity (min)', 'Cost per minute', 'Used (min)', 'Unused (min)', 'Unused capacity cost', "Activities' cost"]));
    expect(pools?.right[0]).toBe('Own cost');
    expect(activities?.left).toEqual(['Activity', 'Pool', 'Method', 'Driver']);
    expect(activities?.right).toEqual(['Minutes / share / rate', 'Total quantity', 'Cost per driver unit', 'Activity cost', 'Not charged to customers']);
  });

  test('Summary: Value, Amount and the pools\' figures right; the warnings table left', () => {
    const rows = headers(aligned('summary'));
    expect(rows[0]).toEqual({ left: ['Figure'], right: ['Value'] });
    expect(rows.find((h) => h.left[0] === 'Line')).toEqual({ left: ['Line'], right: ['Amount'] });
    const pools = rows.find((h) => h.left[0] === 'Pool');
    expect(pools?.left).toEqual(['Pool']);
    expect(pools?.right).toHaveLength(6);
    expect(rows.find((h) => h.left[0] === 'Code')).toEqual({ left: ['Code', 'Location', 'Message'], right: [] });
  });

  test('Customer P&L: rank and every amount right; customer, name and dimensions left', () => {
    const [pnl] = headers(aligned('pnl'));
    expect(pnl?.left).toEqual(['Customer', 'Name', ...result.customers[0]!.dimensions.map(([d]) => d)]);
    expect(pnl?.right[0]).toBe('Rank');
    expect(pnl?.right).toContain('Net profit');
    expect(pnl?.right.at(-1)).toBe('Cumulative profit share');
  });

  test('a statement: Amount, Per order and % right under the groups, whose labels stay left', () => {
    const customer = findCustomer(result, '10527');
    if (customer === null) throw new Error('no customer 10527');
    const [sheet] = buildStatementSheets(result, [customer], 'en');
    const [groups, columns, trail] = headers(alignHeaders(sheet as ReportSheet));
    // The group band has no figures directly under it (the column header is), so none of it moves.
    expect(groups?.right).toEqual([]);
    expect(columns?.left).toEqual(['Line']);
    expect(columns?.right.slice(0, 3)).toEqual(['Amount', 'Per order', '% of net revenue']);
    expect(trail?.left).toEqual(['Activity', 'Driver', 'Pool']);
    expect(trail?.right).toEqual(['Quantity', 'Minutes per unit', 'Cost per unit', 'Amount', 'Cost per minute']);
  });

  test('blank cells count for nothing, a text among figures keeps the header left, a spacer or total ends the table', () => {
    const sheet = sheetOf([
      { style: 'header', cells: [text('Pool'), text('Cost'), text('Note'), text('Empty'), text('After')] },
      { style: 'body', cells: [text('A'), money(10), money(1), money(null), text(null)] },
      { style: 'body', cells: [text('B'), money(null), text('n/a'), text(null), text(null)] },
      { style: 'total', cells: [text('Total'), money(10), text(null), text(null), money(5)] },
      { style: 'body', cells: [text('C'), money(3), money(3), money(3), money(3)] },
      { style: 'header', cells: [text('Over a spacer'), text('Under nothing')] },
      { style: 'body', cells: [] },
      { style: 'body', cells: [money(1), money(2)] },
    ]);
    expect(headers(alignHeaders(sheet))).toEqual([
      { left: ['Pool', 'Note', 'Empty', 'After'], right: ['Cost'] },
      { left: ['Over a spacer', 'Under nothing'], right: [] },
    ]);
  });

  test('the sheet given is left as it was, and aligning twice changes nothing', () => {
    const rates = report.find((s) => s.role === 'rates') as ReportSheet;
    const before = JSON.stringify(rates);
    const once = alignHeaders(rates);
    expect(JSON.stringify(rates)).toBe(before);
    expect(alignHeaders(once)).toBe(once);
    // A sheet without figures under any header is returned as it is.
    const plain = sheetOf([{ style: 'header', cells: [text('Code')] }, { style: 'body', cells: [text('E1')] }]);
    expect(alignHeaders(plain)).toBe(plain);
  });

  test('runs of right-aligned cells, for a writer that formats a range at a time', () => {
    const r = (align: boolean): ReportCell => (align ? { ...text('x'), align: 'right' } : text('x'));
    expect(rightAlignedRuns([r(false), r(true), r(true), r(false), r(true)])).toEqual([
      { column: 1, count: 2 },
      { column: 4, count: 1 },
    ]);
    expect(rightAlignedRuns([])).toEqual([]);
  });
});
