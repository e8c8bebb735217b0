/**
 * The cell formats of the report sheets, appended to the workbook's styles part. Nothing already there is
 * changed or renumbered, so the user's cells look as before; the report's fonts are the workbook's
 * default font made bold, bigger or italic, so the report matches the workbook.
 */
import { numberFormat } from '../workbook/report-layout';
import type { CellFormat, ReportCell, ReportSheet, RowStyle } from '../workbook/report-types';
import { MAIN_NS } from './namespaces';
import { parsePart } from './package';
import { encodeXml } from './xml';
import { appendInside, applyEdits, attr, childNamed, childrenNamed, type Edit, newElementName, setAttributeEdit, type XmlElement } from './xml-tree';

/** A report cell's look: the row's style, the cell's number format and its alignment, if any. */
export interface StyleKey {
  style: RowStyle;
  format: CellFormat;
  align?: ReportCell['align'];
}

/** The one key of a look, so each look gets one cell format. */
function lookKey(style: RowStyle, format: CellFormat, align: ReportCell['align']): string {
  return `${style}|${format}|${align ?? ''}`;
}

/** The styles part with the report's formats added, and the `s` index of each look. */
export interface ReportStyles {
  xml: string;
  /** The index into `cellXfs` for a look (0, the default, for looks that were not asked for). */
  xf: (style: RowStyle, format: CellFormat, align?: ReportCell['align']) => number;
}

/** Built-in number formats (ECMA-376 §18.8.30) that the report's codes may coincide with. */
const BUILTIN_FORMATS = new Map<string, number>([
  ['General', 0],
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
  ['@', 49],
]);

/** The first custom number format id. */
const FIRST_CUSTOM_FORMAT = 164;

/** Sections of a styles part in schema order; new ones are put in their place. */
const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const GREY_BORDER = 'FF808080';

/** What the report needs of each row style (as the add-in's writer renders them too). */
interface Look {
  font: 'default' | 'bold' | 'title' | 'section' | 'note';
  fill: boolean;
  border: 'none' | 'top' | 'bottom';
  wrap: boolean;
}

const LOOKS: Record<RowStyle, Look> = {
  title: { font: 'title', fill: false, border: 'none', wrap: false },
  note: { font: 'note', fill: false, border: 'none', wrap: false },
  section: { font: 'section', fill: false, border: 'none', wrap: false },
  header: { font: 'bold', fill: true, border: 'bottom', wrap: true },
  total: { font: 'bold', fill: false, border: 'top', wrap: false },
  body: { font: 'default', fill: false, border: 'none', wrap: false },
};

/** A minimal styles part for a package that has none, in the workbook's main namespace. */
function minimalStyles(mainNs: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<styleSheet xmlns="${encodeXml(mainNs)}">` +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

/** A tree of elements to write: local name, unqualified attributes, children. */
type Node = [string, Record<string, string>, ...Node[]];

/** Writes `node` as it must be spelled inside `parent` (prefix or declaration as the part has them). */
function render(parent: XmlElement, node: Node): string {
  const [local, attrs, ...children] = node;
  const name = newElementName(parent, parent.uri, local);
  const attrText = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${encodeXml(v)}"`)
    .join('');
  if (children.length === 0) return `${name.open}${attrText}/>`;
  // Children are spelled as for the parent: a declaration on the new element would also cover them,
  // but spelling them the same way is valid either way and keeps this simple.
  return `${name.open}${attrText}>${children.map((c) => render(parent, c)).join('')}${name.close}`;
}

/** Children a section must start with when it has to be created (Excel reserves fills 0 and 1). */
function defaultChildren(section: string, hasStyleXfs: boolean): Node[] {
  switch (section) {
    case 'fonts':
      return [['font', {}, ['sz', { val: '11' }], ['name', { val: 'Calibri' }], ['family', { val: '2' }]]];
    case 'fills':
      return [
        ['fill', {}, ['patternFill', { patternType: 'none' }]],
        ['fill', {}, ['patternFill', { patternType: 'gray125' }]],
      ];
    case 'borders':
      return [['border', {}, ['left', {}], ['right', {}], ['top', {}], ['bottom', {}], ['diagonal', {}]]];
    case 'cellXfs':
      return [['xf', { numFmtId: '0', fontId: '0', fillId: '0', borderId: '0', ...(hasStyleXfs ? { xfId: '0' } : {}) }]];
    default:
      return [];
  }
}

/** The styles part being edited: children appended to sections, counts kept true. */
class StylesEditor {
  readonly root: XmlElement;
  private readonly edits: Edit[] = [];

  constructor(private readonly xml: string) {
    this.root = parsePart(xml, 'the styles part');
    if (this.root.local !== 'styleSheet' || !MAIN_NS.includes(this.root.uri)) throw new Error('The styles part has no <styleSheet> element.');
  }

  section(name: string): XmlElement | undefined {
    return childNamed(this.root, name, MAIN_NS);
  }

  /** Appends children to a section (created in schema order when absent); returns the first one's index. */
  append(sectionName: string, child: string, nodes: readonly Node[]): number {
    const section = this.section(sectionName);
    if (section === undefined) {
      const defaults = defaultChildren(sectionName, this.section('cellStyleXfs') !== undefined);
      const all = [...defaults, ...nodes];
      const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(sectionName) + 1)
        .map((n) => this.section(n))
        .filter((x): x is XmlElement => x !== undefined)
        .sort((a, b) => a.start - b.start)[0];
      const text = render(this.root, [sectionName, { count: String(all.length) }, ...all]);
      if (later !== undefined) this.edits.push({ start: later.start, end: later.start, text });
      else this.edits.push(...appendInside(this.xml, this.root, text));
      return defaults.length;
    }
    const first = childrenNamed(section, child, MAIN_NS).length;
    if (nodes.length === 0) return first;
    const count = setAttributeEdit(this.xml, section, 'count', String(first + nodes.length));
    const inner = nodes.map((n) => render(section, n)).join('');
    if (!section.selfClosing) {
      this.edits.push(count, ...appendInside(this.xml, section, inner));
      return first;
    }
    // `<numFmts count="0"/>`: the tag with its new count, opened up around the new children.
    const tag = applyEdits(this.xml.slice(section.start, section.end), [{ start: count.start - section.start, end: count.end - section.start, text: count.text }]);
    this.edits.push({ start: section.start, end: section.end, text: `${tag.slice(0, tag.lastIndexOf('/'))}>${inner}</${section.qname}>` });
    return first;
  }

  text(): string {
    return applyEdits(this.xml, this.edits);
  }
}

/** The default font's parts other than weight, slant, size and colour (name, family, scheme …). */
function baseFont(editor: StylesEditor): { rest: Node[]; size: string; color: Node[] } {
  const first = childrenNamed(editor.section('fonts'), 'font', MAIN_NS)[0];
  const pick = (name: string): Node[] =>
    childrenNamed(first, name, MAIN_NS).map((e) => [name, Object.fromEntries(e.attributes.filter((a) => a.uri === '').map((a) => [a.local, a.value]))]);
  const size = childrenNamed(first, 'sz', MAIN_NS)[0];
  return {
    rest: ['name', 'family', 'charset', 'scheme'].flatMap(pick),
    size: size === undefined ? '11' : (attr(size, 'val') ?? '11'),
    color: pick('color'),
  };
}

/** The looks used by the sheets: every cell with a value, and the blank cells of header and total rows. */
export function usedStyles(sheets: readonly ReportSheet[]): StyleKey[] {
  const seen = new Map<string, StyleKey>();
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      for (const c of row.cells) {
        if (c.value === null && row.style !== 'header' && row.style !== 'total') continue;
        seen.set(lookKey(row.style, c.format, c.align), { style: row.style, format: c.format, ...(c.align === undefined ? {} : { align: c.align }) });
      }
    }
  }
  return [...seen.values()];
}

/**
 * Adds the report's formats for `keys` to the styles part (`null`: the package has none yet, and one is
 * made in `mainNs`, the workbook's main namespace).
 */
export function addReportStyles(original: string | null, keys: readonly StyleKey[], currency: string, mainNs: string = MAIN_NS[0]!): ReportStyles {
  const editor = new StylesEditor(original ?? minimalStyles(mainNs));

  // Number formats: a built-in id, else an existing custom format with the same code, else a new id.
  const existing = new Map<string, number>();
  const usedIds = new Set<number>();
  for (const e of childrenNamed(editor.section('numFmts'), 'numFmt', MAIN_NS)) {
    const id = Number(attr(e, 'numFmtId'));
    const code = attr(e, 'formatCode') ?? '';
    usedIds.add(id);
    if (!existing.has(code)) existing.set(code, id);
  }
  const formatIds = new Map<CellFormat, number>();
  const newFormats: Node[] = [];
  let nextId = FIRST_CUSTOM_FORMAT;
  for (const format of new Set(keys.map((k) => k.format))) {
    const code = numberFormat(format, currency);
    let id = BUILTIN_FORMATS.get(code) ?? existing.get(code);
    if (id === undefined) {
      while (usedIds.has(nextId)) nextId++;
      id = nextId;
      usedIds.add(id);
      existing.set(code, id);
      newFormats.push(['numFmt', { numFmtId: String(id), formatCode: code }]);
    }
    formatIds.set(format, id);
  }
  editor.append('numFmts', 'numFmt', newFormats);

  const base = baseFont(editor);
  const font = (opts: { b?: boolean; i?: boolean; size?: string; color?: string }): Node => [
    'font',
    {},
    ...(opts.b === true ? [['b', {}] as Node] : []),
    ...(opts.i === true ? [['i', {}] as Node] : []),
    ['sz', { val: opts.size ?? base.size }],
    ...(opts.color === undefined ? base.color : [['color', { rgb: opts.color }] as Node]),
    ...base.rest,
  ];
  const firstFont = editor.append('fonts', 'font', [font({ b: true }), font({ b: true, size: '14' }), font({ b: true, size: '12' }), font({ i: true, color: 'FF595959' })]);
  const fontId = { default: 0, bold: firstFont, title: firstFont + 1, section: firstFont + 2, note: firstFont + 3 };

  const firstFill = editor.append('fills', 'fill', [['fill', {}, ['patternFill', { patternType: 'solid' }, ['fgColor', { rgb: 'FFD9E1F2' }], ['bgColor', { indexed: '64' }]]]]);
  const side = (name: string, thin: boolean): Node => (thin ? [name, { style: 'thin' }, ['color', { rgb: GREY_BORDER }]] : [name, {}]);
  const border = (top: boolean, bottom: boolean): Node => ['border', {}, side('left', false), side('right', false), side('top', top), side('bottom', bottom), side('diagonal', false)];
  const firstBorder = editor.append('borders', 'border', [border(true, false), border(false, true)]);
  const borderId = { none: 0, top: firstBorder, bottom: firstBorder + 1 };

  const hasStyleXfs = editor.section('cellStyleXfs') !== undefined;
  const xfs = keys.map((k): Node => {
    const look = LOOKS[k.style];
    const attrs: Record<string, string> = {
      numFmtId: String(formatIds.get(k.format) ?? 0),
      fontId: String(fontId[look.font]),
      fillId: String(look.fill ? firstFill : 0),
      borderId: String(borderId[look.border]),
      ...(hasStyleXfs ? { xfId: '0' } : {}),
      applyNumberFormat: '1',
      ...(look.font === 'default' ? {} : { applyFont: '1' }),
      ...(look.fill ? { applyFill: '1' } : {}),
      ...(look.border === 'none' ? {} : { applyBorder: '1' }),
    };
    // A header over figures stands right and still wraps as every header does (header-alignment.ts).
    const alignment: Record<string, string> = {
      ...(k.align === 'right' ? { horizontal: 'right' } : {}),
      ...(look.wrap ? { vertical: 'bottom', wrapText: '1' } : {}),
    };
    return Object.keys(alignment).length === 0 ? ['xf', attrs] : ['xf', { ...attrs, applyAlignment: '1' }, ['alignment', alignment]];
  });
  const firstXf = editor.append('cellXfs', 'xf', xfs);
  const index = new Map(keys.map((k, i) => [lookKey(k.style, k.format, k.align), firstXf + i]));
  return { xml: editor.text(), xf: (style, format, align) => index.get(lookKey(style, format, align)) ?? 0 };
}
