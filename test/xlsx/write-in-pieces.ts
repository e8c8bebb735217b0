/** Feeds a tokenizer `xml` cut into pieces of the given sizes (the rest as one last piece), then ends it. */
export function writeInPieces(tokenizer: { write(text: string): void; end(): void }, xml: string, pieces: readonly number[]): void {
  let at = 0;
  for (const size of pieces) {
    tokenizer.write(xml.slice(at, at + size));
    at += size;
  }
  tokenizer.write(xml.slice(at));
  tokenizer.end();
}
