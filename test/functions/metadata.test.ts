/**
 * Generates functions.json from src/functions/functions.ts with custom-functions-metadata, as the
 * webpack plugin does at build time, and checks what Excel will be told about each function.
 */
import path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

interface Parameter {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  description?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  options?: { stream?: boolean; volatile?: boolean; cancelable?: boolean };
  parameters: Parameter[];
  result?: { type?: string; dimensionality?: string };
}

const SOURCE = path.resolve(__dirname, '../../src/functions/functions.ts');

/** id → [parameter name, type, optional, matrix] */
const EXPECTED: Record<string, Array<[string, string, boolean, boolean]>> = {
  ACTIVITYCOST: [
    ['activity', 'string', false, false],
    ['customer', 'any', true, false],
  ],
  COSTTOSERVE: [['customer', 'any', false, false]],
  PROFIT: [
    ['customer', 'any', false, false],
    ['period', 'any', true, false],
  ],
  MARGIN: [['customer', 'any', false, false]],
  RATE: [['pool', 'string', false, false]],
  DRIVERRATE: [
    ['activity', 'string', false, false],
    ['driver', 'any', true, false],
  ],
  UNUSED: [['pool', 'string', false, false]],
  COST: [
    ['activity', 'string', false, false],
    ['drivers', 'string', false, true],
    ['quantities', 'number', false, true],
  ],
  SCENARIO: [
    ['scenario', 'string', false, false],
    ['customer', 'any', true, false],
    ['figure', 'any', true, false],
  ],
  EXPLAIN: [
    ['customer', 'any', false, false],
    ['activity', 'any', true, false],
  ],
  POOLCOST: [
    ['pool', 'string', false, false],
    ['stage', 'any', true, false],
  ],
  CHANGE: [
    ['customer', 'any', false, false],
    ['part', 'any', true, false],
    ['period', 'any', true, false],
  ],
  PROFITRANGE: [
    ['customer', 'any', false, false],
    ['percentile', 'any', true, false],
  ],
  LOSSCHANCE: [['customer', 'any', false, false]],
};

/** Functions whose streamed result is a table that spills, not one number. */
const SPILLED = new Set(['EXPLAIN']);

describe('custom-functions metadata', () => {
  let generated: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
  let functions: FunctionMetadata[];

  beforeAll(async () => {
    generated = await generateCustomFunctionsMetadata(SOURCE, false);
    functions = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
  });

  it('generates without errors', () => {
    expect(generated.errors).toEqual([]);
  });

  it('declares the fourteen ABC functions under their ids and names', () => {
    expect(functions.map((f) => f.id)).toEqual(Object.keys(EXPECTED));
    for (const f of functions) {
      expect(f.name).toBe(f.id);
      expect(f.description?.length ?? 0).toBeGreaterThan(20);
    }
  });

  it.each(Object.entries(EXPECTED))('%s has the expected parameters, optionality and a numeric (or, for EXPLAIN, spilled) streamed result', (id, params) => {
    const f = functions.find((x) => x.id === id);
    expect(f).toBeDefined();
    expect(f?.parameters.map((p) => [p.name, p.type, p.optional === true, p.dimensionality === 'matrix'])).toEqual(params);
    for (const p of f?.parameters ?? []) expect(p.description?.length ?? 0).toBeGreaterThan(10);
    // The invocation handle is not a worksheet parameter; the function streams numbers (or errors).
    expect(f?.result).toEqual(SPILLED.has(id) ? { dimensionality: 'matrix' } : { type: 'number' });
    expect(f?.options).toEqual({ stream: true });
  });

  it('associates each id with the exported function of the same name', () => {
    expect(generated.associate.map((a) => [a.id, a.functionName])).toEqual([
      ['ACTIVITYCOST', 'activityCost'],
      ['COSTTOSERVE', 'costToServe'],
      ['PROFIT', 'profit'],
      ['MARGIN', 'margin'],
      ['RATE', 'rate'],
      ['DRIVERRATE', 'driverRate'],
      ['UNUSED', 'unused'],
      ['COST', 'cost'],
      ['SCENARIO', 'scenario'],
      ['EXPLAIN', 'explain'],
      ['POOLCOST', 'poolCost'],
      ['CHANGE', 'change'],
      ['PROFITRANGE', 'profitRange'],
      ['LOSSCHANCE', 'lossChance'],
    ]);
  });
});
