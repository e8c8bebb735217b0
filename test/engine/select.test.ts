/** `selectKth` finds what sorting would put at index k, on any array of doubles. */
import fc from 'fast-check';
import { selectKth } from '../../src/engine/select';

describe('selectKth', () => {
  it('gives the value sorting puts at index k', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 300 }), fc.nat(), (list, pick) => {
        const k = pick % list.length;
        const sorted = Float64Array.from(list).sort();
        expect(Math.abs(selectKth(Float64Array.from(list), k) - sorted[k]!)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('handles runs of equal keys, sorted and reversed input', () => {
    const ties = Float64Array.from([0.5, 0.5, 0.5, 0.25, 0.5, 0.75, 0.5]);
    expect(selectKth(Float64Array.from(ties), 0)).toBe(0.25);
    expect(selectKth(Float64Array.from(ties), 5)).toBe(0.5);
    expect(selectKth(Float64Array.from(ties), 6)).toBe(0.75);
    const up = Float64Array.from({ length: 10_000 }, (_, i) => i);
    expect(selectKth(up, 9_990)).toBe(9_990);
    const down = Float64Array.from({ length: 10_000 }, (_, i) => 10_000 - i);
    expect(selectKth(down, 0)).toBe(1);
  });

  it('refuses an index outside the array', () => {
    expect(() => selectKth(new Float64Array(3), 3)).toThrow(RangeError);
    expect(() => selectKth(new Float64Array(0), 0)).toThrow(RangeError);
  });
});
