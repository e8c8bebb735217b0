/**
 * Text inside XML as a parser reports it: entity and character references decoded, line ends
 * normalised, attribute values with white space as spaces; qualified names split; namespace URIs
 * interned so that handlers compare them by identity.
 */
import { XmlError } from './xml-types';

const CR = 13;

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes character and predefined entity references; any other entity is an error. */
export function decodeEntities(text: string): string {
  let at = text.indexOf('&');
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const semi = text.indexOf(';', at);
    if (semi < 0) throw new XmlError(`An "&" is not followed by an entity name and ";" in "${text.slice(at, at + 20)}".`);
    const ref = text.slice(at + 1, semi);
    let decoded: string | undefined;
    if (ref.charCodeAt(0) === 35 /* # */) {
      const hex = ref.charCodeAt(1) === 120; /* x */
      const digits = ref.slice(hex ? 2 : 1);
      const code = digits === '' ? NaN : hex ? parseInt(digits, 16) : parseInt(digits, 10);
      const valid = hex ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-9]+$/.test(digits);
      if (!valid || !(code >= 1 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) {
        throw new XmlError(`"&${ref};" is not a valid character reference.`);
      }
      decoded = String.fromCodePoint(code);
    } else {
      decoded = PREDEFINED[ref];
      if (decoded === undefined) throw new XmlError(`The entity "&${ref};" is not defined.`);
    }
    out += text.slice(from, at) + decoded;
    from = semi + 1;
    at = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

/** XML's end-of-line handling: CR LF and a lone CR become LF. */
export function normaliseLineEnds(text: string): string {
  if (text.indexOf('\r') < 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== CR) out += text[i];
    else {
      out += '\n';
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return out;
}

/** An attribute value as the parser reports it: line ends normalised, white space as spaces, entities decoded. */
export function attributeValue(raw: string): string {
  // Nearly every value is plain (`A2`, `1`, `s`): one pass tells, and it is returned as it is.
  let plain = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === AMP_CODE || c === CR || c === 10 || c === 9) {
      plain = false;
      break;
    }
  }
  if (plain) return raw;
  let text = normaliseLineEnds(raw);
  if (text.indexOf('\n') >= 0 || text.indexOf('\t') >= 0) {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out += c === 10 || c === 9 ? ' ' : text[i];
    }
    text = out;
  }
  return decodeEntities(text);
}

const AMP_CODE = 38;

/**
 * One copy of each namespace URI: declarations repeat the same few URIs, and handlers compare an
 * element's URI millions of times; the same string object compares at once, a copy char by char.
 */
const URI_CACHE = new Map<string, string>();

export function internUri(uri: string): string {
  const known = URI_CACHE.get(uri);
  if (known !== undefined) return known;
  // A fresh flat copy, so the cache does not keep a piece of some part's text alive.
  const copy = (' ' + uri).slice(1);
  if (URI_CACHE.size < 1000) URI_CACHE.set(copy, copy);
  return copy;
}

/** Interns a URI a handler compares with (a module's constants), so its comparisons are identities. */
export function canonicalUri(uri: string): string {
  return internUri(uri);
}

/** Split names by qualified name: a part repeats a handful of names millions of times. */
const SPLIT_CACHE = new Map<string, [string, string]>();

/** Splits `p:local` into prefix and local part. */
export function splitName(qname: string): [string, string] {
  const known = SPLIT_CACHE.get(qname);
  if (known !== undefined) return known;
  const split = splitNameUncached(qname);
  if (SPLIT_CACHE.size < 10_000) SPLIT_CACHE.set(qname, split);
  return split;
}

function splitNameUncached(qname: string): [string, string] {
  const colon = qname.indexOf(':');
  if (colon < 0) return ['', qname];
  if (colon === 0 || colon === qname.length - 1 || qname.indexOf(':', colon + 1) >= 0) throw new XmlError(`"${qname}" is not a valid qualified name.`);
  return [qname.slice(0, colon), qname.slice(colon + 1)];
}
