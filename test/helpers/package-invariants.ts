/**
 * Checks that an .xlsx/.xlsm package is one every spreadsheet program can open, with a namespace-aware
 * parser (saxes) and no code from src/xlsx, so the report writer is not checked with itself:
 * - every .xml, .rels and .vml part is well-formed XML and every prefix it uses is declared in scope;
 * - every internal relationship target is a part of the package, relationship ids are unique, and every
 *   r:id-style attribute names a relationship of its part;
 * - every part has a content type (an Override, or a Default for its extension);
 * - the workbook's content type is macro-enabled exactly when the package holds a VBA project.
 */
import JSZip from 'jszip';
import { SaxesParser, type SaxesTagNS } from 'saxes';

const CONTENT_TYPES = '[Content_Types].xml';
const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
/** The namespaces of r:id, r:embed … attributes: Transitional and Strict. */
const RELATIONSHIP_ATTR_NS = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);
const OFFICE_DOCUMENT_TYPES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
]);
const VBA_CONTENT_TYPE = 'application/vnd.ms-office.vbaProject';

/** A parsed element: the events the checks need, in document order. */
interface Element {
  uri: string;
  local: string;
  attributes: Array<{ uri: string; local: string; name: string; value: string }>;
}

/** Part text, decoded by its byte-order mark (UTF-16 LE/BE or UTF-8), as an XML parser does. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  // UTF-16 without a BOM starts with '<' and a zero byte (LE) or the other way round (BE).
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return bytes.toString('utf16le');
  return bytes.toString('utf8');
}

/** The elements of a part, or the parser's errors (unbound prefixes among them). */
function parseXml(text: string): { elements: Element[]; errors: string[] } {
  const elements: Element[] = [];
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    if (errors.length < 5) errors.push(e.message);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    elements.push({
      uri: tag.uri,
      local: tag.local,
      attributes: Object.values(tag.attributes).map((a) => ({ uri: a.uri, local: a.local, name: a.name, value: a.value })),
    });
  });
  try {
    parser.write(text).close();
  } catch (e) {
    // saxes reports through 'error'; a throw here is a parser that could not go on.
    errors.push(e instanceof Error ? e.message : String(e));
  }
  return { elements, errors };
}

function attr(e: Element, name: string): string | undefined {
  return e.attributes.find((a) => a.uri === '' && a.local === name)?.value;
}

/** The part a .rels part describes ('' for the package), e.g. `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`. */
function sourceOfRels(relsPart: string): string | null {
  const slash = relsPart.lastIndexOf('/');
  const folder = relsPart.slice(0, slash + 1);
  const file = relsPart.slice(slash + 1);
  if (!folder.endsWith('_rels/') || !file.endsWith('.rels')) return null;
  return folder.slice(0, -'_rels/'.length) + file.slice(0, -'.rels'.length);
}

/** A relationship target resolved against its source part, as a zip entry name (no leading slash). */
function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A target that is not valid percent-encoding is looked up as written.
  }
  const base = decoded.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

/** Every violation of the invariants above in the package `bytes`; empty when it is sound. */
export async function checkPackage(bytes: Buffer): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return [`not a zip package: ${e instanceof Error ? e.message : String(e)}`];
  }
  const violations: string[] = [];
  const parts = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
  // Part names are case-insensitive in a package (ECMA-376 part 2, 9.1.1).
  const partByLower = new Map(parts.map((p) => [p.toLowerCase(), p]));

  const parsed = new Map<string, Element[]>();
  for (const part of parts) {
    if (!/\.(xml|rels|vml)$/i.test(part)) continue;
    const { elements, errors } = parseXml(decode(await zip.file(part)!.async('nodebuffer')));
    parsed.set(part, elements);
    for (const error of errors) violations.push(`${part}: not well-formed or unbound prefix: ${error}`);
  }

  // Content types.
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const types = parsed.get(CONTENT_TYPES);
  if (types === undefined) violations.push(`${CONTENT_TYPES} is missing`);
  for (const e of types ?? []) {
    if (e.uri !== CONTENT_TYPES_NS) continue;
    const type = attr(e, 'ContentType') ?? '';
    if (e.local === 'Default') defaults.set((attr(e, 'Extension') ?? '').toLowerCase(), type);
    if (e.local === 'Override') {
      const name = (attr(e, 'PartName') ?? '').replace(/^\//, '');
      overrides.set(name.toLowerCase(), type);
      if (!partByLower.has(name.toLowerCase())) violations.push(`${CONTENT_TYPES}: Override for /${name}, which is not in the package`);
    }
  }
  const contentType = (part: string): string | undefined =>
    overrides.get(part.toLowerCase()) ?? defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase());
  if (types !== undefined) {
    for (const part of parts) {
      if (part !== CONTENT_TYPES && contentType(part) === undefined) violations.push(`${part}: no content type (no Override and no Default for its extension)`);
    }
  }

  // Relationships: targets exist, ids unique; r:id attributes of each part name one of its relationships.
  const relIdsOf = new Map<string, Set<string>>();
  let workbookPart: string | null = null;
  for (const [relsPart, elements] of parsed) {
    const source = sourceOfRels(relsPart);
    if (source === null) continue;
    if (source !== '' && !partByLower.has(source.toLowerCase())) violations.push(`${relsPart}: relationships of ${source}, which is not in the package`);
    const ids = new Set<string>();
    relIdsOf.set(source.toLowerCase(), ids);
    for (const e of elements) {
      if (e.uri !== PACKAGE_RELS_NS || e.local !== 'Relationship') continue;
      const id = attr(e, 'Id') ?? '';
      if (ids.has(id)) violations.push(`${relsPart}: relationship id ${id} is used twice`);
      ids.add(id);
      if (attr(e, 'TargetMode') === 'External') continue;
      const target = resolveTarget(source, attr(e, 'Target') ?? '');
      if (!partByLower.has(target.toLowerCase())) violations.push(`${relsPart}: relationship ${id} points to ${target}, which is not in the package`);
      if (source === '' && OFFICE_DOCUMENT_TYPES.has(attr(e, 'Type') ?? '')) workbookPart = partByLower.get(target.toLowerCase()) ?? null;
    }
  }
  for (const [part, elements] of parsed) {
    if (sourceOfRels(part) !== null) continue;
    const ids = relIdsOf.get(part.toLowerCase()) ?? new Set<string>();
    for (const e of elements) {
      for (const a of e.attributes) {
        if (RELATIONSHIP_ATTR_NS.has(a.uri) && a.value !== '' && !ids.has(a.value)) {
          violations.push(`${part}: <${e.local} ${a.name}="${a.value}"> names no relationship of the part`);
        }
      }
    }
  }

  // Macros: a VBA project needs a macro-enabled workbook, and a macro-enabled workbook a VBA project.
  if (workbookPart === null) {
    violations.push('_rels/.rels: no officeDocument relationship to a workbook part');
  } else {
    const workbookType = contentType(workbookPart) ?? '';
    const vba = parts.filter((p) => contentType(p) === VBA_CONTENT_TYPE || /(^|\/)vbaProject\.bin$/i.test(p));
    const macroEnabled = /macroEnabled/i.test(workbookType);
    if (vba.length > 0 && !macroEnabled) violations.push(`${vba.join(', ')} (macros) in a package whose workbook has the content type ${workbookType}`);
    if (vba.length === 0 && macroEnabled) violations.push(`${workbookPart} has the macro-enabled content type ${workbookType} but the package has no VBA project`);
  }
  return violations;
}

/** The workbook part's content type of a package, to name the file (.xlsm or .xlsx) as its content says. */
export async function workbookContentType(bytes: Buffer): Promise<string | null> {
  const zip = await JSZip.loadAsync(bytes);
  const types = await zip.file(CONTENT_TYPES)?.async('nodebuffer');
  const rels = await zip.file('_rels/.rels')?.async('nodebuffer');
  if (types === undefined || rels === undefined) return null;
  const main = parseXml(decode(rels)).elements.find((e) => e.local === 'Relationship' && OFFICE_DOCUMENT_TYPES.has(attr(e, 'Type') ?? ''));
  if (main === undefined) return null;
  const partName = `/${resolveTarget('', attr(main, 'Target') ?? '')}`.toLowerCase();
  const override = parseXml(decode(types)).elements.find((e) => e.local === 'Override' && (attr(e, 'PartName') ?? '').toLowerCase() === partName);
  return override === undefined ? null : (attr(override, 'ContentType') ?? null);
}
