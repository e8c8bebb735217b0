/**
 * A CSV transaction file as a row source. Every scan is strict: DuckDB reads every line as a row or
 * fails, so no row is ever skipped or cut. Only after a failure does the runner find out why, and say it
 * with line numbers: a line longer than the limit, or lines that are not rows.
 */
import { basename } from 'path';
import { csvLineMap, firstLongRecord } from './csv-lines';
import { readCsvHeader } from './csv-header';
import { MAX_CSV_LINE_BYTES } from './csv-limits';
import { type DuckSession, sqlName, sqlString } from './duckdb-session';
import { globLiteral } from './exact-path';
import { firstLine, headersOf, missingColumns, type OpenedSource, type RowSource } from './row-source';
import { matchVolumeColumns, type VolumeKey } from './volume-columns';
import { VolumeSourceError } from './volume-source-error';
import type { WarehouseText } from './warehouse-text';

const LINE_SIZE = 'LINE SIZE OVER MAXIMUM';

/** Opens a CSV file given as an absolute path to an existing regular file; `name` is how the user wrote it. */
export async function openCsv(path: string, name: string, t: WarehouseText): Promise<OpenedSource> {
  const label = basename(name);
  const header = await readCsvHeader(path);
  const columns = matchVolumeColumns(header.headers);
  if (columns.missing.length > 0) return { issues: missingColumns(label, 'line', columns, t) };
  // Positional names: the file's own headers may repeat or be blank.
  const names = header.headers.map((_, i) => `c${i}`);
  const types = `{${names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ')}}`;
  const col = (key: VolumeKey): string => sqlName(`c${columns.at[key] ?? 0}`);
  const read = (extra: string): string =>
    `read_csv(${sqlString(globLiteral(path))}, delim=${sqlString(header.delimiter)}, quote='"', escape='"', header=true, auto_detect=false, ` +
    `columns=${types}, max_line_size=${MAX_CSV_LINE_BYTES}, buffer_size=${4 * MAX_CSV_LINE_BYTES}${extra})`;
  const source: RowSource = {
    label,
    unit: 'line',
    textQuantities: true,
    headers: headersOf(columns),
    rows: (positions) =>
      `SELECT ${col('customer')} AS customer, ${col('driver')} AS driver, ${col('quantity')} AS qty${positions ? ', ordinality AS pos' : ''} ` +
      `FROM ${read('')}${positions ? ' WITH ORDINALITY' : ''}`,
    async explainFailure(session, failure) {
      const long = await firstLongRecord(path, MAX_CSV_LINE_BYTES);
      if (long !== null) return new VolumeSourceError(t.lineTooLong(label, long));
      try {
        await session.all(`SELECT count(*) FROM ${read(", store_rejects=true, rejects_table='abc_rejects', rejects_scan='abc_reject_scans'")}`);
      } catch {
        return new VolumeSourceError(t.unreadable(label, firstLine(failure)));
      }
      const [count] = await session.all('SELECT count(DISTINCT line) AS n FROM abc_rejects');
      const n = Number(count?.n ?? 0);
      if (n === 0) return new VolumeSourceError(t.unreadable(label, firstLine(failure)));
      const first = await session.all(
        'SELECT line, any_value(csv_line) AS text, bool_or(error_type = $1) AS too_long FROM abc_rejects GROUP BY line ORDER BY line LIMIT 20',
        [LINE_SIZE],
      );
      const records = first.map((r) => Number(r.line));
      const map = await csvLineMap(path, new Set(records), [], records);
      const lines = records.map((r) => map.ofRecord.get(r) ?? r);
      const tooLong = first.findIndex((r) => r.too_long === true);
      if (tooLong >= 0) return new VolumeSourceError(t.lineTooLong(label, lines[tooLong] ?? 0));
      const example = `${t.place('line', lines[0] ?? 0)}: ${JSON.stringify(String(first[0]?.text ?? '').slice(0, 80))}`;
      return new VolumeSourceError(t.garbageLines(label, n, header.headers.length, header.delimiter, t.places('line', lines, n), example));
    },
    async locate(positions) {
      return (await csvLineMap(path, new Set(), positions, [])).ofRow;
    },
  };
  return { source };
}
