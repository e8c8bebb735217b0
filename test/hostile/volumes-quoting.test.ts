/**
 * Issue 16, item 9: the runner's quoting helpers. Its own names and paths are quoted; any Unicode comes
 * back from DuckDB unchanged, and a NUL (which ends DuckDB's reading of the text) is refused, never quoted.
 */
import { openDuck, sqlName, sqlString } from '../../src/warehouse/duckdb-session';

const TEXTS = ["it's", 'a "quoted" name', 'Ölçü — 数量 — 🧾', '\u202Eright-to-left', "'; DROP TABLE x; --", 'line\nbreak', '\\', 'ZWJ\u200D'];

it('quotes any Unicode so that DuckDB reads it back as written', async () => {
  const session = await openDuck();
  try {
    for (const text of TEXTS) {
      const [row] = await session.all(`SELECT ${sqlString(text)} AS ${sqlName(text)}`);
      expect(row).toEqual({ [text]: text });
    }
  } finally {
    session.close();
  }
});

it('refuses to quote a NUL, which would cut the SQL short', () => {
  expect(() => sqlString('10\u000001')).toThrow(RangeError);
  expect(() => sqlName('a\u0000b')).toThrow(RangeError);
});

it('passes data with a NUL as a parameter, unchanged', async () => {
  const session = await openDuck();
  try {
    const [row] = await session.all('SELECT $1 AS v, length($1) AS n', ['10\u000001']);
    expect(row).toEqual({ v: '10\u000001', n: '5' });
  } finally {
    session.close();
  }
});
