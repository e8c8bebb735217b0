/**
 * A namespace-aware tree of an XML part, read with saxes (no code from src/xlsx), for tests that check
 * what the writers put in a package: elements by namespace URI and local name, attributes by `{uri}local`.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export interface XmlNode {
  uri: string;
  local: string;
  attrs: Map<string, string>;
  children: XmlNode[];
  text: string;
}

/** The tree of `text`; throws when it is not well-formed or has no root. */
export function parseNs(text: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const open: XmlNode[] = [];
  let top: XmlNode | null = null;
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs = new Map(Object.values(tag.attributes).map((a) => [a.uri === '' ? a.local : `{${a.uri}}${a.local}`, a.value]));
    const el: XmlNode = { uri: tag.uri, local: tag.local, attrs, children: [], text: '' };
    if (top === null) top = el;
    else open[open.length - 1]?.children.push(el);
    open.push(el);
  });
  parser.on('text', (t) => {
    const current = open[open.length - 1];
    if (current !== undefined) current.text += t;
  });
  parser.on('closetag', () => open.pop());
  parser.write(text).close();
  if (top === null) throw new Error('no root element');
  return top;
}

/** Every element `local` in namespace `uri` at or under `node`, in document order. */
export function allNs(node: XmlNode, uri: string, local: string): XmlNode[] {
  return [...(node.uri === uri && node.local === local ? [node] : []), ...node.children.flatMap((c) => allNs(c, uri, local))];
}

/** The first such element; throws when there is none. */
export function oneNs(node: XmlNode, uri: string, local: string): XmlNode {
  const [first] = allNs(node, uri, local);
  if (first === undefined) throw new Error(`no ${local}`);
  return first;
}

/** An element of an SVG picture, flattened: its local name, attributes and text. */
export interface SvgElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
}

/** The elements of an SVG in document order; throws when it is not well-formed XML. */
export function svgElements(svg: string): SvgElement[] {
  const flat = (node: XmlNode): SvgElement[] => [{ name: node.local, attrs: Object.fromEntries(node.attrs), text: node.text }, ...node.children.flatMap(flat)];
  return flat(parseNs(svg));
}
