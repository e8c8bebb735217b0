#!/usr/bin/env node
/**
 * Writes a transaction file of any size for the runner's --volumes, and the sample workbook without
 * ABC_Volumes to go with it, for measuring (nothing generated here is committed):
 *
 *   npm run build:cli && node scripts/make-transactions.js --rows 10000000 --out /tmp/abc
 *   npm run cost -- /tmp/abc/book.xlsx --volumes /tmp/abc/lines.csv
 *
 * The rows repeat the sample wholesaler's own transactions (customer, driver, quantity), each with its own
 * order reference and date, so the totals are the sample's times the number of repetitions.
 * ABC_BUILD names another folder of the compiled runner than build/.
 * Options: --rows N (default 1,000,000), --out <folder> (default out/transactions), --delimiter ';'
 * and --decimal , (a Dutch export: "1,5"), --parquet (also write lines.parquet with DuckDB).
 */
const { createWriteStream, mkdirSync, writeFileSync } = require('fs');
const { join, resolve } = require('path');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
}

async function main() {
  const rows = Number(option('--rows', '1000000'));
  const out = resolve(option('--out', 'out/transactions'));
  const delimiter = option('--delimiter', ',');
  const decimal = option('--decimal', '.');
  const build = process.env.ABC_BUILD ?? join(__dirname, '..', 'build');
  const { generateSampleModel } = require(join(build, 'sample', 'index.js'));
  const { buildBlocksWorkbook } = require(join(build, 'xlsx', 'write-sample.js'));
  mkdirSync(out, { recursive: true });

  const blocks = generateSampleModel();
  const volumes = blocks.find((b) => b.rangeName === 'ABC_Volumes');
  writeFileSync(join(out, 'book.xlsx'), await buildBlocksWorkbook(blocks.filter((b) => b !== volumes)));

  const [header, ...pattern] = volumes.rows;
  const at = (name) => header.indexOf(name);
  const [c, d, q, date] = [at('Customer'), at('Driver'), at('Quantity'), at('Date')];
  const quote = (s) => (/[",;\t|\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const number = (x) => (decimal === ',' ? quote(String(x).replace('.', ',')) : String(x));
  // Each pattern row once, as text, so the loop below only concatenates.
  const tails = pattern.map((r) => [quote(String(r[c])), quote(String(r[d])), number(r[q] ?? 0), String(r[date] ?? '')].join(delimiter));

  const path = join(out, 'lines.csv');
  const stream = createWriteStream(path, { highWaterMark: 1 << 22 });
  stream.write(['Order', 'Customer', 'Driver', 'Quantity', 'Date'].join(delimiter) + '\n');
  const started = Date.now();
  let i = 0;
  while (i < rows) {
    let chunk = '';
    for (const end = Math.min(rows, i + 20000); i < end; i++) chunk += `T${i + 1}${delimiter}${tails[i % tails.length]}\n`;
    if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
  }
  await new Promise((r, j) => stream.end((e) => (e ? j(e) : r())));
  console.log(`${path}: ${rows.toLocaleString('en-US')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s; workbook ${join(out, 'book.xlsx')}`);

  if (process.argv.includes('--parquet')) {
    const { DuckDBInstance } = require('@duckdb/node-api');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const target = join(out, 'lines.parquet');
    await db.run(`COPY (SELECT * FROM read_csv('${path.replace(/'/g, "''")}', all_varchar=true, delim='${delimiter}')) TO '${target.replace(/'/g, "''")}' (FORMAT parquet)`);
    console.log(`${target} written.`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
