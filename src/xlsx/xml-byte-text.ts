/**
 * Byte classes and text decoding for the byte tokenizer (`xml-bytes.ts`). Markup is ASCII and UTF-8
 * never uses an ASCII byte inside a multi-byte character, so markup is found by comparing bytes, and
 * text is decoded only where a handler asks for it.
 */
import { attributeValue, decodeEntities, normaliseLineEnds } from './xml-decode';

export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const QUESTION = 63;
export const BANG = 33;
export const EQUALS = 61;
export const QUOT = 34;
export const APOS = 39;
export const AMP = 38;
export const CR = 13;
export const COLON = 58;

/** Node's own slicing decoders: `toString` checks its arguments on every call, and cells are millions of calls. */
interface FastSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/** `s[start, end)` read as Latin-1 (ASCII, for bytes known to be below 0x80). */
export function latin1(s: Uint8Array, start: number, end: number): string {
  return (s as unknown as FastSlices).latin1Slice(start, end);
}

/** `s[start, end)` decoded as UTF-8. */
export function utf8(s: Uint8Array, start: number, end: number): string {
  return (s as unknown as FastSlices).utf8Slice(start, end);
}

/**
 * The next `byte` from `from`, or -1. A loop, not `Buffer#indexOf`: the distances in a sheet are a few
 * bytes, and a call into Node's native search costs more than reading them.
 */
export function find(s: Uint8Array, byte: number, from: number): number {
  const n = s.length;
  for (let k = from; k < n; k++) if (s[k] === byte) return k;
  return -1;
}

/** Byte classes, looked up rather than compared: the scan reads every byte of a 200 MB part. */
export const SPACE = new Uint8Array(256);
export const NAME_END = new Uint8Array(256);
for (const c of [32, 10, 9, CR]) SPACE[c] = NAME_END[c] = 1;
for (const c of [GT, SLASH, EQUALS, QUESTION]) NAME_END[c] = 1;

/** Bytes the fast paths do not take in a value or text: control bytes, non-ASCII, `&`, `<` (and `"`, which ends a value). */
export const NOT_PLAIN = new Uint8Array(256);
for (let c = 0; c < 256; c++) if (c < 32 || c > 126 || c === AMP || c === LT || c === QUOT) NOT_PLAIN[c] = 1;

export function isSpace(c: number): boolean {
  return SPACE[c] === 1;
}

/** True when `s` holds `prefix` at `at`. */
export function startsWithBytes(s: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > s.length) return false;
  for (let k = 0; k < prefix.length; k++) if (s[at + k] !== prefix[k]) return false;
  return true;
}

/** True when `s[a, a + length)` and `s[b, b + length)` hold the same bytes. */
export function sameBytes(s: Uint8Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (s[a + k] !== s[b + k]) return false;
  return true;
}

/**
 * Text of `s[start, end)` as a parser reports it: UTF-8 decoded, line ends normalised and, outside CDATA,
 * references decoded. Plain ASCII (nearly every cell) is read as Latin-1, which is the same and faster.
 */
export function textOf(s: Uint8Array, start: number, end: number, cdata = false): string {
  let plain = true;
  for (let k = start; k < end; k++) {
    const c = s[k]!;
    if (c >= 0x80 || c === AMP || c === CR) {
      plain = false;
      break;
    }
  }
  if (plain) return latin1(s, start, end);
  const text = normaliseLineEnds(utf8(s, start, end));
  return cdata ? text : decodeEntities(text);
}

/** An attribute value as the parser reports it (see `attributeValue`). */
export function valueOf(s: Uint8Array, start: number, end: number): string {
  for (let k = start; k < end; k++) {
    const c = s[k]!;
    if (c >= 0x80 || c === AMP || c === CR || c === 10 || c === 9) return attributeValue(utf8(s, start, end));
  }
  return latin1(s, start, end);
}

/**
 * Where the plain value starting at `from` ends (the offset of its closing `"`), or -1 when a byte before
 * it is not plain printable ASCII or the value does not end in `s`: the fast paths take only such values.
 */
export function plainValueEnd(s: Uint8Array, from: number): number {
  const n = s.length;
  for (let e = from; e < n; e++) {
    const c = s[e]!;
    if (NOT_PLAIN[c] === 1) return c === QUOT ? e : -1;
  }
  return -1;
}
