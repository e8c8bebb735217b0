/**
 * Benchmark of the ABC worksheet functions on the sample wholesaler (not a test: it prints figures).
 * 1. 10,000 mixed calls straight against the index, as Excel makes them when a sheet recalculates.
 * 2. A publish reaching 10,000 subscribed formulas, which is what a refresh costs the functions:
 *    indexing the new model once, then every formula answering again.
 * Run: npm run --silent build:cli && node build/bench/functions.js
 */
import { performance } from 'node:perf_hooks';
import { callAbcFunction } from '../functions/abc-functions';
import { isFunctionError } from '../functions/function-result';
import { buildModelIndex } from '../functions/model-index';
import { ModelStore } from '../functions/model-store';
import { sampleGrids } from '../sample';
import { analyseWorkbook } from '../workbook/analyse';

const CALLS = 10_000;

type Call = [id: string, args: unknown[]];

function main(): number {
  const analysis = analyseWorkbook(sampleGrids());
  const result = analysis.result;
  if (result === null) throw new Error('the sample model has errors');

  const t0 = performance.now();
  const index = buildModelIndex(analysis);
  const indexMs = performance.now() - t0;

  // Customer ids as numbers, as they sit in the user's cells; every function in the mix.
  const customers = result.customers.map((c) => Number(c.customer));
  const activities = result.activities.map((a) => a.activity);
  const timePools = result.pools.filter((p) => p.method === 'time').map((p) => p.pool);
  const calls: Call[] = [];
  for (let i = 0; calls.length < CALLS; i++) {
    const customer = customers[i % customers.length];
    const activity = activities[i % activities.length];
    const pool = timePools[i % timePools.length];
    switch (i % 8) {
      case 0: calls.push(['ACTIVITYCOST', [activity, customer]]); break;
      case 1: calls.push(['COSTTOSERVE', [customer]]); break;
      case 2: calls.push(['PROFIT', [customer]]); break;
      case 3: calls.push(['MARGIN', [customer]]); break;
      case 4: calls.push(['RATE', [pool]]); break;
      case 5: calls.push(['DRIVERRATE', ['Order entry', 'Order lines']]); break;
      case 6: calls.push(['UNUSED', [pool]]); break;
      default: calls.push(['COST', ['Order entry', [['Orders', 'Order lines', 'Rush orders']], [[1, (i % 40) + 1, i % 2]]]]);
    }
  }

  for (const [id, args] of calls.slice(0, 1_000)) callAbcFunction(index, id, args); // warm-up

  let errors = 0;
  const t1 = performance.now();
  for (const [id, args] of calls) if (isFunctionError(callAbcFunction(index, id, args))) errors += 1;
  const callsMs = performance.now() - t1;

  const store = new ModelStore();
  let answered = 0;
  calls.forEach(([id, args]) =>
    store.subscribe((snapshot) => {
      callAbcFunction(snapshot.index, id, args);
      answered += 1;
    }),
  );
  answered = 0;
  const t2 = performance.now();
  store.publish(analysis);
  const publishMs = performance.now() - t2;

  const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');
  console.log(`ABC functions on the sample wholesaler (${result.customers.length} customers, ${result.activities.length} activities)`);
  const line = (label: string, text: string) => console.log(`  ${label.padEnd(28)}${text}`);
  line('index build:', `${indexMs.toFixed(2)} ms`);
  line(`${CALLS.toLocaleString('en-US')} mixed calls:`, `${callsMs.toFixed(2)} ms total, ${rate(CALLS, callsMs)} calls/s (${errors} errors)`);
  line(`publish to ${answered.toLocaleString('en-US')} formulas:`, `${publishMs.toFixed(2)} ms total (index + every formula answering)`);
  // Issue 4's target: a sheet of 10,000 ABC formulas recalculates in well under a second of function time.
  const ok = callsMs < TARGET_MS && publishMs < TARGET_MS && errors === 0;
  console.log(`${ok ? 'PASS' : 'FAIL'}  10,000 calls and a publish to 10,000 formulas each under ${TARGET_MS} ms, no errors`);
  return ok ? 0 : 1;
}

const TARGET_MS = 250;

process.exitCode = main();
