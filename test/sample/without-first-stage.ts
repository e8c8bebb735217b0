/**
 * The sample as it was before issue 19 gave it a ledger: for tests of "a model without the first stage"
 * that still want the sample's size and figures.
 */
import { DEFAULT_SAMPLE_SEED, generateSampleModel, type SampleSheet } from '../../src/sample';
import { SUPPORT_POOLS } from '../../src/sample/pools';
import { planWholesaler } from '../../src/sample/wholesaler';

/**
 * The sample without its Ledger and Support sheets and without the support pools, each operating pool's
 * Cost the cost the wholesaler sized it at (its cost after support when the ledger is there), so its
 * figures are the sample's.
 */
export function withoutFirstStage(seed: number = DEFAULT_SAMPLE_SEED): SampleSheet[] {
  const costOf = new Map(planWholesaler(seed).pools.map((p) => [p.pool, p.cost]));
  const support = new Set<string>(Object.values(SUPPORT_POOLS));
  return generateSampleModel(seed)
    .filter((s) => s.rangeName !== 'ABC_Resources' && s.rangeName !== 'ABC_Support')
    .map((s) => {
      if (s.rangeName !== 'ABC_Pools') return s;
      const [header = [], ...data] = s.rows;
      const rows = data.filter((r) => !support.has(String(r[0]))).map((r) => [r[0] ?? null, costOf.get(String(r[0])) ?? null, ...r.slice(2)]);
      return { ...s, rows: [header, ...rows] };
    });
}
