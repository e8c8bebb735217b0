/**
 * The draws of the simulation: a seeded generator that gives the same numbers in every JavaScript engine
 * (only 32-bit integer operations and one exact division), so the runner, the pane and the worksheet
 * functions show the same ranges for the same model and seed.
 */

/**
 * Mulberry32: a small, fast 32-bit generator, good enough for a few hundred thousand draws of a
 * simulation (not for cryptography). Returns uniform numbers in [0, 1), each a multiple of 2⁻³².
 */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The triangular distribution on [low, high] with its peak at `mode`, at the uniform `u` (inverse CDF).
 * A range of zero width gives `mode` itself, exactly, so an estimate without spread never moves.
 */
export function triangular(low: number, mode: number, high: number, u: number): number {
  const width = high - low;
  if (!(width > 0)) return mode;
  const left = mode - low;
  if (u * width < left) return low + Math.sqrt(u * width * left);
  return high - Math.sqrt((1 - u) * width * (high - mode));
}
