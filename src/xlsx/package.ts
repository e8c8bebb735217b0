/**
 * The Open Packaging Conventions as far as the runner needs them: part paths, relationships and content
 * types. Part names are compared ignoring case, as the conventions require.
 */
import type JSZip from 'jszip';
import { attributes, encodeXml, findElements } from './xml';

/** Relationship types are matched on their last segment, which transitional and strict files share. */
export type RelationshipKind = 'officeDocument' | 'worksheet' | 'chartsheet' | 'styles' | 'sharedStrings' | 'table';

const TRANSITIONAL_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The full relationship type URI written for new relationships. */
export function relationshipType(kind: RelationshipKind): string {
  return `${TRANSITIONAL_REL}/${kind}`;
}

/** Namespace URIs of the relationship attributes (`r:id`) in transitional and strict files. */
export const RELATIONSHIP_NAMESPACES = [TRANSITIONAL_REL, 'http://purl.oclc.org/ooxml/officeDocument/relationships'];

/** Content types of the parts the report adds. */
export const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

/** The part that lists the content type of every part. */
export const CONTENT_TYPES_PART = '[Content_Types].xml';

/** One relationship of a part. */
export interface Relationship {
  id: string;
  type: string;
  /** The target as written. */
  target: string;
  /** The target's part path inside the package (no leading slash); null for an external target. */
  part: string | null;
}

/** True when the relationship is of the given kind. */
export function isKind(rel: Pick<Relationship, 'type'>, kind: RelationshipKind): boolean {
  return rel.type.endsWith(`/${kind}`);
}

/** The folder of a part (`xl` for `xl/workbook.xml`, '' for a part at the root). */
export function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** The relationships part of a part: `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
export function relsPathOf(part: string): string {
  const folder = folderOf(part);
  const file = part.slice(folder === '' ? 0 : folder.length + 1);
  return `${folder === '' ? '' : `${folder}/`}_rels/${file}.rels`;
}

/** Resolves a relationship target (relative to the source part's folder, or absolute) to a part path. */
export function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A target that is not valid percent-encoding is used as written.
  }
  const segments = decoded.startsWith('/') ? [] : folderOf(sourcePart).split('/').filter((s) => s !== '');
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** The target to write for a part related from `sourcePart`: relative when below its folder. */
export function targetFor(sourcePart: string, part: string): string {
  const folder = folderOf(sourcePart);
  return folder !== '' && part.startsWith(`${folder}/`) ? part.slice(folder.length + 1) : `/${part}`;
}

/** Parses a relationships part. `sourcePart` is the part it belongs to ('' for the package). */
export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  return findElements(xml, 'Relationship').map((e) => {
    const attrs = attributes(e.attrs);
    const target = attrs.get('Target') ?? '';
    const external = attrs.get('TargetMode') === 'External';
    return { id: attrs.get('Id') ?? '', type: attrs.get('Type') ?? '', target, part: external ? null : resolveTarget(sourcePart, target) };
  });
}

/** A part by path, ignoring case when there is no exact match. */
export function findPart(zip: JSZip, path: string): JSZip.JSZipObject | null {
  const exact = zip.file(path);
  if (exact !== null) return exact;
  const key = path.toLowerCase();
  const name = Object.keys(zip.files).find((n) => n.toLowerCase() === key && !(zip.files[n]?.dir ?? true));
  return name === undefined ? null : (zip.files[name] ?? null);
}

/** The text of a part, or null when the package has no such part. */
export async function readPart(zip: JSZip, path: string): Promise<string | null> {
  const file = findPart(zip, path);
  return file === null ? null : file.async('string');
}

/** The relationships of a part (none when it has no relationships part). */
export async function readRelationships(zip: JSZip, part: string): Promise<Relationship[]> {
  const xml = await readPart(zip, relsPathOf(part));
  return xml === null ? [] : parseRelationships(xml, part);
}

/** A relationship id not used yet in `rels`. */
export function newRelationshipId(rels: readonly Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Serialises a relationship element. */
export function relationshipXml(id: string, kind: RelationshipKind, target: string): string {
  return `<Relationship Id="${encodeXml(id)}" Type="${relationshipType(kind)}" Target="${encodeXml(target)}"/>`;
}

/** Appends elements before the closing tag of a part's root element. */
export function appendToRoot(xml: string, root: string, elements: string): string {
  const close = new RegExp(`</((?:[A-Za-z_][\\w.-]*:)?)${root}>\\s*$`).exec(xml);
  if (close === null) throw new Error(`The part has no closing </${root}>.`);
  return xml.slice(0, close.index) + elements + xml.slice(close.index);
}

/**
 * Sets the content type of a part in `[Content_Types].xml`: its Override is replaced or added. Part
 * names in the file start with a slash.
 */
export function setOverride(xml: string, part: string, contentType: string): string {
  const partName = `/${part}`.toLowerCase();
  const element = `<Override PartName="/${encodeXml(part)}" ContentType="${contentType}"/>`;
  const existing = findElements(xml, 'Override').find((e) => (attributes(e.attrs).get('PartName') ?? '').toLowerCase() === partName);
  if (existing === undefined) return appendToRoot(xml, 'Types', element);
  if (attributes(existing.attrs).get('ContentType') === contentType) return xml;
  return xml.slice(0, existing.start) + element + xml.slice(existing.end);
}
