/**
 * docs/scale.md's DuckDB query, run as `--volumes-sql` on a DuckDB database holding the sample's
 * transactions, gives the P&L of the workbook's own rows to the cent.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyseWorkbook } from '../../src/workbook/analyse';
import { analyseWithVolumes } from '../../src/warehouse/analyse-with-volumes';
import { duck, figures, literal, sampleParts, tempFolder, writeText } from './sample-files';

/** The first ```sql block after a heading line containing `marker`. */
function queryAfter(doc: string, marker: string): string {
  const from = doc.indexOf(marker);
  const match = /```sql\n([\s\S]*?)```/.exec(doc.slice(from));
  if (from < 0 || match === null) throw new Error(`docs/scale.md has no query after ${marker}`);
  return match[1] ?? '';
}

describe('docs/scale.md', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  it("gives a DuckDB query whose result costs to the cent as the sample's raw rows", async () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'scale.md'), 'utf8');
    const query = queryAfter(doc, '**DuckDB SQL**');
    expect(query).toContain('GROUP BY customer, driver');
    const { others, all, lines } = sampleParts();
    const csv = writeText(dir, 'transactions.csv', ['customer,driver,quantity', ...lines.map((l) => l.join(','))].join('\n'));
    const db = join(dir, 'sales.duckdb');
    await duck([`CREATE TABLE transactions AS SELECT customer::VARCHAR AS customer, driver, quantity::DECIMAL(18,3) AS quantity FROM read_csv(${literal(csv)}, all_varchar=true)`], db);
    const sqlPath = writeText(dir, 'volumes.sql', query);

    const analysis = await analyseWithVolumes(others, { kind: 'sql', sqlPath, db, decimal: null }, 'en');
    expect(analysis.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Aggregated in the database: one row per customer and driver reaches the runner.
    expect(analysis.read.rows).toBe(analysis.read.totals);
    expect(analysis.read.rows).toBeLessThan(lines.length / 5);
    expect(figures(analysis.result)).toEqual(figures(analyseWorkbook(all).result));
    expect(figures(analysis.result).operatingProfit).toBe(analyseWorkbook(all).result?.totals.operatingProfit.toFixed(2));
  });

  it('reports a query that fails, and a result without the three columns', async () => {
    const { others } = sampleParts();
    const bad = writeText(dir, 'bad.sql', 'SELECT * FROM nowhere;');
    await expect(analyseWithVolumes(others, { kind: 'sql', sqlPath: bad, db: null, decimal: null }, 'en')).rejects.toThrow(/^The query in .*bad\.sql failed: Catalog Error: Table with name nowhere does not exist!/);
    const partial = writeText(dir, 'partial.sql', "SELECT '10008' AS Klant, 3 AS Aantal");
    const analysis = await analyseWithVolumes(others, { kind: 'sql', sqlPath: partial, db: null, decimal: null }, 'en');
    expect(analysis.issues.map((i) => [i.code, i.message, i.where])).toEqual([['MISSING_COLUMN', 'partial.sql has no column Driver / Kostendrijver.', { range: 'partial.sql' }]]);
  });
});
