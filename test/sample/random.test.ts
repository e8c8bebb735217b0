import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { Random } from '../../src/sample/random';

describe('Random', () => {
  test('pins the sequence of a seed, so that every host builds the same sample', () => {
    const r = new Random(2026);
    const first = Array.from({ length: 4 }, () => r.next());
    expect(first.map((x) => Math.round(x * 4294967296))).toEqual(SEQUENCE_2026);
  });

  test('only the low 32 bits of the seed count', () => {
    expect(new Random(5 + 2 ** 32).next()).toBe(new Random(5).next());
  });

  test('next() is in [0, 1); int(), binomial() and count() stay in their bounds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, min, span, p) => {
        const r = new Random(seed);
        for (let i = 0; i < 20; i++) {
          const x = r.next();
          expect(x >= 0 && x < 1).toBe(true);
          const n = r.int(min, min + span);
          expect(Number.isInteger(n) && n >= min && n <= min + span).toBe(true);
          const k = r.binomial(span, p);
          expect(k >= 0 && k <= span).toBe(true);
          const c = r.count(span);
          expect(Number.isInteger(c) && c >= 0 && c <= Math.ceil(span * 1.3)).toBe(true);
        }
      }),
    );
  });

  test('uniform() averages its midpoint', () => {
    const r = new Random(1);
    let u = 0;
    for (let i = 0; i < 20_000; i++) u += r.uniform(10, 20);
    expect(Math.abs(u / 20_000 - 15)).toBeLessThan(0.1);
  });

  test('weighted() follows its weights and shuffled() keeps every element', () => {
    const r = new Random(3);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) if (r.weighted([['a', 3], ['b', 1]] as const) === 'a') heavy++;
    expect(heavy / 10_000).toBeCloseTo(0.75, 1);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = r.shuffled(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});

describe('the sample generator stays engine-independent', () => {
  // Math.random cannot be seeded, and the transcendental functions may differ in the last bit between
  // JavaScript engines; the sample must be identical in Node, Excel's browser and Excel for Mac.
  test('uses no unseeded randomness and no transcendental Math functions', () => {
    const folder = path.join(__dirname, '../../src/sample');
    const offending: string[] = [];
    for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(folder, file), 'utf8');
      const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      const matches = code.match(/Math\.(random|log\w*|exp\w*|pow|a?(sin|cos|tan)h?|atan2|hypot|cbrt)\b|\*\*/g) ?? [];
      for (const m of matches) offending.push(`${file}: ${m}`);
    }
    expect(offending).toEqual([]);
  });
});

const SEQUENCE_2026 = [1955961175, 1324980858, 2839649622, 2656330836];
