/**
 * The k-th smallest of an array of doubles in linear time (Hoare's selection), for the rounding kernel:
 * it needs only the threshold key of the cents to hand out, and sorting 5,000 keys per activity to find
 * one cost more than the rest of the kernel.
 */

/**
 * The value that would stand at index `k` (0-based) if `values` were sorted ascending. Reorders
 * `values` in place. `values` holds no NaN; -0 and 0 count as equal, as `<` says.
 */
export function selectKth(values: Float64Array, k: number): number {
  if (!(k >= 0 && k < values.length)) throw new RangeError(`index ${k} is outside 0..${values.length - 1}`);
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    // The median of three as pivot: sorted or reversed input stays linear.
    const middle = (left + right) >>> 1;
    const pivot = medianOfThree(values[left] as number, values[middle] as number, values[right] as number);
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    // Now values[left..j] <= pivot <= values[i..right], and anything between equals the pivot.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k] as number;
  }
  return values[k] as number;
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}
