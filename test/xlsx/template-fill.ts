/** Fills an empty model (--template) with openpyxl, for the template tests. */
import { execFileSync, spawnSync } from 'child_process';

/** A Python with openpyxl (Debian's /usr/bin/python3 has it; a version manager's python3 may not). */
export const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl']).status === 0) ?? null;

/**
 * Fills the template with openpyxl as a user types rows below the tables: the cells, and each table's
 * ref grown over them (what Excel does when a row is typed under a table). Prints what it wrote back.
 */
const FILL = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = json.loads(sys.argv[3])
for sheet, table, data in rows:
    ws = wb[sheet]
    t = ws.tables[table]
    for r, values in enumerate(data):
        for c, v in enumerate(values):
            ws.cell(row=2 + r, column=1 + c, value=v)
    last = t.ref.split(':')[1]
    col = ''.join(ch for ch in last if ch.isalpha())
    t.ref = 'A1:%s%d' % (col, 1 + max(1, len(data)))
    t.autoFilter.ref = t.ref
wb.save(sys.argv[2])
act = wb['Activities']
pool_rule = [dv for dv in act.data_validations.dataValidation if 'B2' in str(dv.sqref)][0]
name = wb.defined_names[pool_rule.formula1]
print(json.dumps({'formula': pool_rule.formula1, 'sqref': str(pool_rule.sqref), 'name': name.attr_text, 'poolsRef': wb['Pools'].tables['ABC_Pools'].ref}))
`;

export const MODEL: Array<[string, string, unknown[][]]> = [
  ['Pools', 'ABC_Pools', [['Sales', 1000], ['Warehouse', 600, 6000, 'minutes']]],
  [
    'Activities',
    'ABC_Activities',
    [
      ['Order handling', 'Sales', 'Orders', null, 1],
      ['Picking', 'Warehouse', 'Order lines', 10],
    ],
  ],
  ['Customers', 'ABC_Customers', [['C1', 'Bakery', 5000, 0, 3000], ['C2', 'Hotel', 2000, 100, 1000]]],
  ['Volumes', 'ABC_Volumes', [['C1', 'Orders', 3], ['C2', 'Orders', 1], ['C1', 'Order lines', 240], ['C2', 'Order lines', 120]]],
];

/** Runs FILL on `path`, writes `target`, returns what it printed (the Pool drop-down and the pools table). */
export function fillTemplate(path: string, target: string, rows: typeof MODEL): string {
  if (PYTHON === null) throw new Error('No python3 with openpyxl.');
  return execFileSync(PYTHON, ['-c', FILL, path, target, JSON.stringify(rows)], { encoding: 'utf8' });
}
