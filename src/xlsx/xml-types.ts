/**
 * What the XML tokenizer reports: resolved names, attributes, start and end tags, and the error for XML
 * that is not (namespace-)well-formed.
 */

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** The XML is not well-formed (or not namespace-well-formed). */
export class XmlError extends Error {
  override name = 'XmlError';
}

/** A resolved name: namespace URI ('' for none), local part, and the prefix as written ('' for none). */
export interface XmlName {
  uri: string;
  local: string;
  prefix: string;
}

/** An attribute with its resolved name and decoded, normalised value. */
export interface XmlAttribute extends XmlName {
  /** The name as written, e.g. `r:id`. */
  qname: string;
  value: string;
}

/** A start tag (or empty-element tag) and where it is in the stream. */
export interface StartTag extends XmlName {
  qname: string;
  /** The attributes other than namespace declarations (built when first asked for). */
  readonly attributes: XmlAttribute[];
  /** Namespace declarations made on this element: [prefix ('' for the default), uri]. */
  declarations: Array<[string, string]>;
  selfClosing: boolean;
  /** Offset of `<` and of the character after `>`, counted from the start of the stream. */
  start: number;
  end: number;
  /** The value of the attribute `local` that has no namespace, without building the others. */
  attr(local: string): string | undefined;
}

/**
 * An end tag (also reported, right after its start tag, for an empty-element tag). The object is reused
 * for the next end tag: copy what you need to keep.
 */
export interface EndTag extends XmlName {
  qname: string;
  /** Offsets of `</` and after `>`; both the start tag's end for an empty-element tag. */
  start: number;
  end: number;
}

/** What the tokenizer reports. Text comes decoded, CDATA included; comments and PIs are skipped. */
export interface XmlHandler {
  startElement(tag: StartTag): void;
  endElement(tag: EndTag): void;
  text(text: string, start: number, end: number): void;
}
