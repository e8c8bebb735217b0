/**
 * Converts offsets in a text's UTF-8 bytes to offsets in the text itself (UTF-16 code units), for the
 * text front of the byte tokenizer: a caller edits the part's text at the offsets its events report.
 * Only characters outside ASCII make the two differ, so only they are recorded.
 */
export class CharOffsets {
  /** Bytes written so far. */
  private length = 0;
  /** For each character outside ASCII: the byte offset after it, and bytes minus code units up to there. */
  private readonly ends: number[] = [];
  private readonly excess: number[] = [];

  /** Records the next piece of the text (not ending inside a surrogate pair). */
  add(text: string): void {
    let bytes = this.length;
    let excess = this.excess[this.excess.length - 1] ?? 0;
    const n = text.length;
    let ascii = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        ascii++;
        continue;
      }
      bytes += ascii;
      ascii = 0;
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      let units = 1;
      let size: number;
      if (c < 0x800) size = 2;
      else if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        // A pair: four bytes for two code units.
        size = 4;
        units = 2;
        i++;
      } else size = 3; // a lone surrogate is encoded as U+FFFD, three bytes, as Buffer.from does
      bytes += size;
      excess += size - units;
      this.ends.push(bytes);
      this.excess.push(excess);
    }
    this.length = bytes + ascii;
  }

  /** The character offset of byte offset `at` (which falls between characters, as markup does). */
  chars(at: number): number {
    const ends = this.ends;
    if (ends.length === 0 || at < ends[0]!) return at;
    let lo = 0;
    let hi = ends.length - 1;
    // The last character outside ASCII that ends at or before `at`.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ends[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return at - this.excess[lo]!;
  }
}
