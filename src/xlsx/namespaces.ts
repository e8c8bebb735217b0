/**
 * The namespaces of the package parts, in both conformance classes: transitional (what Excel writes by
 * default) and strict (Excel's "Strict Open XML Spreadsheet"). Readers accept either; writers use the
 * one the workbook already uses, so a strict workbook does not get transitional parts mixed in.
 */

const MAIN_TRANSITIONAL = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const MAIN_STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const REL_TRANSITIONAL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/** SpreadsheetML's main namespace: transitional first, strict second. */
export const MAIN_NS: readonly string[] = [MAIN_TRANSITIONAL, MAIN_STRICT];

/** The namespace of relationship attributes (`r:id`), transitional and strict. */
export const REL_NS: readonly string[] = [REL_TRANSITIONAL, REL_STRICT];

/** The namespace of relationships parts (the same in both classes). */
export const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The namespace of `[Content_Types].xml`. */
export const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** Which conformance class a namespace belongs to. */
export type Conformance = 'transitional' | 'strict';

/** The conformance class of a part whose root element is in `uri`. */
export function conformanceOf(uri: string): Conformance {
  return uri === MAIN_STRICT || uri === REL_STRICT ? 'strict' : 'transitional';
}

/** The main namespace and the relationship namespace to write for a conformance class. */
export function namespacesFor(conformance: Conformance): { main: string; rel: string } {
  return conformance === 'strict' ? { main: MAIN_STRICT, rel: REL_STRICT } : { main: MAIN_TRANSITIONAL, rel: REL_TRANSITIONAL };
}
