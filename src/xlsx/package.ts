/**
 * The Open Packaging Conventions as far as the runner needs them: part paths, relationships and content
 * types. Part names are compared ignoring case, as the conventions require. Parts are read as XML
 * (see `xml-tree.ts`), in whatever encoding they were written, and written back in the same one.
 */
import type JSZip from 'jszip';
import { CONTENT_TYPES_NS, type Conformance, PACKAGE_REL_NS } from './namespaces';
import { decodePart, encodePart, type PartEncoding, UTF8 } from './part-text';
import { PartTooLargeError, readBounded } from './part-limits';
import { encodeXml } from './xml';
import { XmlError } from './xml-tokenizer';
import { appendInside, applyEdits, attr, childrenNamed, type Edit, newElementName, parseXml, removeElement, setAttributeEdit, type XmlElement } from './xml-tree';

/** Relationship types are matched on their last segment, which transitional and strict files share. */
export type RelationshipKind = 'officeDocument' | 'worksheet' | 'chartsheet' | 'styles' | 'sharedStrings' | 'table' | 'vbaProject';

const REL_TYPE_BASE: Record<Conformance, string> = {
  transitional: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  strict: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};

/** The full relationship type URI written for new relationships of a workbook of that conformance. */
export function relationshipType(kind: RelationshipKind, conformance: Conformance = 'transitional'): string {
  if (kind === 'vbaProject') return 'http://schemas.microsoft.com/office/2006/relationships/vbaProject';
  return `${REL_TYPE_BASE[conformance]}/${kind}`;
}

/** Content types of the parts the report adds or checks. */
export const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  macroWorkbook: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  template: 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  macroTemplate: 'application/vnd.ms-excel.template.macroEnabled.main+xml',
  addIn: 'application/vnd.ms-excel.addin.macroEnabled.main+xml',
};

/** The part that lists the content type of every part. */
export const CONTENT_TYPES_PART = '[Content_Types].xml';

/** A part read as text, with the encoding to write it back in. */
export interface XmlPart {
  /** The part's name as stored in the package. */
  name: string;
  text: string;
  encoding: PartEncoding;
}

/** A part that is not well-formed XML, or not in an encoding XML allows. */
export class PartFormatError extends Error {
  override name = 'PartFormatError';
}

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

/** Parses a part's text, naming the part when it is not well-formed. */
export function parsePart(text: string, partName: string): XmlElement {
  try {
    return parseXml(text);
  } catch (e) {
    if (e instanceof XmlError) throw new PartFormatError(`The part ${partName} is not well-formed XML: ${e.message}`);
    throw e;
  }
}

function relationshipOf(e: XmlElement, sourcePart: string): Relationship {
  const target = attr(e, 'Target') ?? '';
  const external = attr(e, 'TargetMode') === 'External';
  return { id: attr(e, 'Id') ?? '', type: attr(e, 'Type') ?? '', target, part: external ? null : resolveTarget(sourcePart, target) };
}

/** Parses a relationships part. `sourcePart` is the part it belongs to ('' for the package). */
export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  const root = parsePart(xml, relsPathOf(sourcePart));
  return childrenNamed(root, 'Relationship', [PACKAGE_REL_NS]).map((e) => relationshipOf(e, sourcePart));
}

/** A part by path, ignoring case when there is no exact match. */
export function findPart(zip: JSZip, path: string): JSZip.JSZipObject | null {
  const exact = zip.file(path);
  if (exact !== null) return exact;
  const key = path.toLowerCase();
  const name = Object.keys(zip.files).find((n) => n.toLowerCase() === key && !(zip.files[n]?.dir ?? true));
  return name === undefined ? null : (zip.files[name] ?? null);
}

/** A part as text with its encoding, or null when the package has no such part. */
export async function readXmlPart(zip: JSZip, path: string): Promise<XmlPart | null> {
  const file = findPart(zip, path);
  if (file === null) return null;
  let bytes: Buffer;
  try {
    bytes = await readBounded(file);
  } catch (e) {
    if (e instanceof PartTooLargeError) throw e;
    throw new PartFormatError(`The part ${file.name} is damaged: ${e instanceof Error ? e.message : String(e)}.`);
  }
  try {
    const { text, encoding } = decodePart(bytes);
    return { name: file.name, text, encoding };
  } catch {
    throw new PartFormatError(`The part ${file.name} is neither UTF-8 nor UTF-16 text.`);
  }
}

/** The text of a part, or null when the package has no such part. */
export async function readPart(zip: JSZip, path: string): Promise<string | null> {
  return (await readXmlPart(zip, path))?.text ?? null;
}

/**
 * Writes a part under its existing name when it has one (part names ignore case), in `encoding`. The
 * text is handed over as bytes: JSZip encodes a long string in pieces and would break a character made
 * of two UTF-16 units (an emoji) that falls on a piece boundary.
 */
export function writePart(zip: JSZip, part: string, text: string, encoding: PartEncoding = UTF8): string {
  const name = findPart(zip, part)?.name ?? part;
  zip.file(name, encodePart(text, encoding));
  return name;
}

/** The relationships of a part (none when it has no relationships part). */
export async function readRelationships(zip: JSZip, part: string): Promise<Relationship[]> {
  const xml = await readPart(zip, relsPathOf(part));
  return xml === null ? [] : parseRelationships(xml, part);
}

const EMPTY_RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL_NS}"></Relationships>`;

/** A relationships part being edited: relationships are added or retyped, the rest kept as written. */
export class RelationshipsEditor {
  private text: string;
  private readonly encoding: PartEncoding;
  private readonly rels: Relationship[];
  private readonly edits: Edit[] = [];
  private readonly root: XmlElement;

  constructor(
    part: XmlPart | null,
    private readonly sourcePart: string,
  ) {
    this.text = part?.text ?? EMPTY_RELATIONSHIPS;
    this.encoding = part?.encoding ?? UTF8;
    this.root = parsePart(this.text, relsPathOf(sourcePart));
    this.rels = childrenNamed(this.root, 'Relationship', [PACKAGE_REL_NS]).map((e) => relationshipOf(e, sourcePart));
  }

  /** Every relationship, those added included. */
  all(): readonly Relationship[] {
    return this.rels;
  }

  find(predicate: (r: Relationship) => boolean): Relationship | undefined {
    return this.rels.find(predicate);
  }

  /** Adds a relationship of type `type` to `part` and returns its id; `target` as written (default: see `targetFor`). */
  add(type: string, part: string, target: string = targetFor(this.sourcePart, part)): string {
    const used = new Set(this.rels.map((r) => r.id));
    let n = this.rels.length + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const name = newElementName(this.root, PACKAGE_REL_NS, 'Relationship');
    const element = `${name.open} Id="${encodeXml(id)}" Type="${encodeXml(type)}" Target="${encodeXml(target)}"/>`;
    this.edits.push(...appendInside(this.text, this.root, element));
    this.rels.push({ id, type, target, part });
    return id;
  }

  /** Gives the relationship `id` another type (an owned sheet that had become a chart sheet, say). */
  retype(id: string, type: string): void {
    const e = childrenNamed(this.root, 'Relationship', [PACKAGE_REL_NS]).find((r) => attr(r, 'Id') === id);
    if (e === undefined) return;
    this.edits.push(setAttributeEdit(this.text, e, 'Type', type));
    const rel = this.rels.find((r) => r.id === id);
    if (rel !== undefined) rel.type = type;
  }

  /** Removes the relationship `id` (a part no longer used). */
  remove(id: string): void {
    const e = childrenNamed(this.root, 'Relationship', [PACKAGE_REL_NS]).find((r) => attr(r, 'Id') === id);
    if (e === undefined) return;
    this.edits.push(removeElement(e));
    const at = this.rels.findIndex((r) => r.id === id);
    if (at >= 0) this.rels.splice(at, 1);
  }

  /** Writes the part into the package when anything changed; returns whether it did. */
  save(zip: JSZip): boolean {
    if (this.edits.length === 0) return false;
    this.text = applyEdits(this.text, this.edits);
    this.edits.length = 0;
    writePart(zip, relsPathOf(this.sourcePart), this.text, this.encoding);
    return true;
  }
}

/** The content types part being edited. */
export class ContentTypesEditor {
  private readonly root: XmlElement;
  /** Content types set in this edit, by lower-case part name: the part name to write and its type (null: removed). */
  private readonly changed = new Map<string, { partName: string; type: string | null }>();

  constructor(private readonly part: XmlPart) {
    this.root = parsePart(part.text, CONTENT_TYPES_PART);
  }

  private override(key: string): XmlElement | undefined {
    return childrenNamed(this.root, 'Override', [CONTENT_TYPES_NS]).find((e) => (attr(e, 'PartName') ?? '').toLowerCase() === key);
  }

  /** The content type of a part: its Override, else the Default for its extension, else null. */
  typeOf(part: string): string | null {
    const key = `/${part}`.toLowerCase();
    const pending = this.changed.get(key);
    if (pending !== undefined) return pending.type;
    const override = this.override(key);
    if (override !== undefined) return attr(override, 'ContentType') ?? null;
    const dot = part.lastIndexOf('.');
    const ext = dot < 0 ? '' : part.slice(dot + 1).toLowerCase();
    const def = childrenNamed(this.root, 'Default', [CONTENT_TYPES_NS]).find((e) => (attr(e, 'Extension') ?? '').toLowerCase() === ext);
    return def === undefined ? null : (attr(def, 'ContentType') ?? null);
  }

  /** Sets the content type of a part (its Override is changed or added). */
  setOverride(part: string, contentType: string): void {
    this.changed.set(`/${part}`.toLowerCase(), { partName: `/${part}`, type: contentType });
  }

  /** Drops the Override of a part removed from the package (a dangling Override makes Excel repair the file). */
  removeOverride(part: string): void {
    this.changed.set(`/${part}`.toLowerCase(), { partName: `/${part}`, type: null });
  }

  /** Writes the part into the package. */
  save(zip: JSZip): void {
    const edits: Edit[] = [];
    const added: string[] = [];
    const name = newElementName(this.root, CONTENT_TYPES_NS, 'Override');
    for (const [key, { partName, type }] of this.changed) {
      const existing = this.override(key);
      if (type === null) {
        if (existing !== undefined) edits.push(removeElement(existing));
      } else if (existing === undefined) added.push(`${name.open} PartName="${encodeXml(partName)}" ContentType="${encodeXml(type)}"/>`);
      else if (attr(existing, 'ContentType') !== type) edits.push(setAttributeEdit(this.part.text, existing, 'ContentType', type));
    }
    if (added.length > 0) edits.push(...appendInside(this.part.text, this.root, added.join('')));
    if (edits.length === 0) return;
    writePart(zip, this.part.name, applyEdits(this.part.text, edits), this.part.encoding);
  }
}
