/**
 * The cell formats of the report sheets, appended to the workbook's styles part. Nothing already there is
 * changed or renumbered, so the user's cells look as before; the report's fonts are the workbook's
 * default font made bold, bigger or italic, so the report matches the workbook.
 */
import { numberFormat } from '../workbook/report-layout';
import type { CellFormat, ReportSheet, RowStyle } from '../workbook/report-types';
import { attributes, encodeXml, findElement, findElements } from './xml';

/** A report cell's look: the row's style and the cell's number format. */
export interface StyleKey {
  style: RowStyle;
  format: CellFormat;
}

/** The styles part with the report's formats added, and the `s` index of each look. */
export interface ReportStyles {
  xml: string;
  /** The index into `cellXfs` for a look (0, the default, for looks that were not asked for). */
  xf: (style: RowStyle, format: CellFormat) => number;
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

const GREY_BORDER = '<color rgb="FF808080"/>';

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

/** A minimal styles part for a package that has none. */
function minimalStyles(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

/** Children a section must start with when it has to be created (Excel reserves fills 0 and 1). */
function defaultChildren(section: string, p: string, hasStyleXfs: boolean): string {
  switch (section) {
    case 'fonts':
      return `<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`;
    case 'fills':
      return `<${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`;
    case 'borders':
      return `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`;
    case 'cellXfs':
      return `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"${hasStyleXfs ? ' xfId="0"' : ''}/>`;
    default:
      return '';
  }
}

/**
 * Appends children to a section (creating it in schema order when absent) and updates its count.
 * Returns the new part and the index of the first appended child.
 */
function appendToSection(xml: string, section: string, child: string, elements: readonly string[], p: string): { xml: string; first: number } {
  let e = findElement(xml, section);
  if (e === null) {
    const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(section) + 1)
      .map((name) => findElement(xml, name))
      .filter((x): x is NonNullable<typeof x> => x !== null)
      .sort((a, b) => a.start - b.start)[0];
    const at = later?.start ?? xml.search(/<\/(?:[A-Za-z_][\w.-]*:)?styleSheet>\s*$/);
    const defaults = defaultChildren(section, p, findElement(xml, 'cellStyleXfs') !== null);
    xml = `${xml.slice(0, at)}<${p}${section}>${defaults}</${p}${section}>${xml.slice(at)}`;
    e = findElement(xml, section)!;
  }
  const inner = e.inner ?? '';
  const first = findElements(inner, child).length;
  const count = first + elements.length;
  const attrs = /\scount\s*=/.test(e.attrs) ? e.attrs.replace(/(\scount\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${count}"`) : `${e.attrs} count="${count}"`;
  const rebuilt = `<${e.prefix}${section}${attrs}>${inner}${elements.join('')}</${e.prefix}${section}>`;
  return { xml: xml.slice(0, e.start) + rebuilt + xml.slice(e.end), first };
}

/** The default font's elements other than weight, slant, size and colour (name, family, scheme …). */
function baseFont(xml: string): { rest: string; size: string; color: string } {
  const fonts = findElement(xml, 'fonts');
  const first = findElements(fonts?.inner ?? '', 'font')[0];
  const inner = first?.inner ?? '';
  const pick = (name: string): string => findElements(inner, name).map((e) => inner.slice(e.start, e.end)).join('');
  const size = findElements(inner, 'sz')[0];
  return {
    rest: ['name', 'family', 'charset', 'scheme'].map(pick).join(''),
    size: size === undefined ? '11' : (attributes(size.attrs).get('val') ?? '11'),
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
        seen.set(`${row.style}|${c.format}`, { style: row.style, format: c.format });
      }
    }
  }
  return [...seen.values()];
}

/** Adds the report's formats for `keys` to the styles part (`null`: the package has none yet). */
export function addReportStyles(original: string | null, keys: readonly StyleKey[], currency: string): ReportStyles {
  let xml = original ?? minimalStyles();
  const root = /<([A-Za-z_][\w.-]*:)?styleSheet[\s>]/.exec(xml);
  if (root === null) throw new Error('The styles part has no <styleSheet> element.');
  const p = root[1] ?? '';

  // Number formats: a built-in id, else an existing custom format with the same code, else a new id.
  const existing = new Map<string, number>();
  const usedIds = new Set<number>();
  for (const e of findElements(findElement(xml, 'numFmts')?.inner ?? '', 'numFmt')) {
    const a = attributes(e.attrs);
    const id = Number(a.get('numFmtId'));
    usedIds.add(id);
    if (!existing.has(a.get('formatCode') ?? '')) existing.set(a.get('formatCode') ?? '', id);
  }
  const formatIds = new Map<CellFormat, number>();
  const newFormats: string[] = [];
  let nextId = FIRST_CUSTOM_FORMAT;
  for (const format of new Set(keys.map((k) => k.format))) {
    const code = numberFormat(format, currency);
    let id = BUILTIN_FORMATS.get(code) ?? existing.get(code);
    if (id === undefined) {
      while (usedIds.has(nextId)) nextId++;
      id = nextId;
      usedIds.add(id);
      existing.set(code, id);
      newFormats.push(`<${p}numFmt numFmtId="${id}" formatCode="${encodeXml(code)}"/>`);
    }
    formatIds.set(format, id);
  }
  if (newFormats.length > 0) xml = appendToSection(xml, 'numFmts', 'numFmt', newFormats, p).xml;

  const base = baseFont(xml);
  const font = (opts: { b?: boolean; i?: boolean; size?: string; color?: string }): string =>
    `<${p}font>${opts.b === true ? `<${p}b/>` : ''}${opts.i === true ? `<${p}i/>` : ''}<${p}sz val="${opts.size ?? base.size}"/>` +
    `${opts.color === undefined ? base.color : `<${p}color rgb="${opts.color}"/>`}${base.rest}</${p}font>`;
  const fonts = appendToSection(
    xml,
    'fonts',
    'font',
    [font({ b: true }), font({ b: true, size: '14' }), font({ b: true, size: '12' }), font({ i: true, color: 'FF595959' })],
    p,
  );
  xml = fonts.xml;
  const fontId = { default: 0, bold: fonts.first, title: fonts.first + 1, section: fonts.first + 2, note: fonts.first + 3 };

  const fills = appendToSection(
    xml,
    'fills',
    'fill',
    [`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FFD9E1F2"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`],
    p,
  );
  xml = fills.xml;
  const side = (name: string, thin: boolean): string => (thin ? `<${p}${name} style="thin">${GREY_BORDER.replace('<color', `<${p}color`)}</${p}${name}>` : `<${p}${name}/>`);
  const border = (top: boolean, bottom: boolean): string =>
    `<${p}border>${side('left', false)}${side('right', false)}${side('top', top)}${side('bottom', bottom)}${side('diagonal', false)}</${p}border>`;
  const borders = appendToSection(xml, 'borders', 'border', [border(true, false), border(false, true)], p);
  xml = borders.xml;
  const borderId = { none: 0, top: borders.first, bottom: borders.first + 1 };

  const xfId = findElement(xml, 'cellStyleXfs') !== null ? ' xfId="0"' : '';
  const xfs = keys.map((k) => {
    const look = LOOKS[k.style];
    const fill = look.fill ? fills.first : 0;
    const applies =
      ` applyNumberFormat="1"${look.font === 'default' ? '' : ' applyFont="1"'}${look.fill ? ' applyFill="1"' : ''}` +
      `${look.border === 'none' ? '' : ' applyBorder="1"'}${look.wrap ? ' applyAlignment="1"' : ''}`;
    const open =
      `<${p}xf numFmtId="${formatIds.get(k.format) ?? 0}" fontId="${fontId[look.font]}" fillId="${fill}" ` +
      `borderId="${borderId[look.border]}"${xfId}${applies}`;
    return look.wrap ? `${open}><${p}alignment vertical="bottom" wrapText="1"/></${p}xf>` : `${open}/>`;
  });
  const cellXfs = appendToSection(xml, 'cellXfs', 'xf', xfs, p);
  xml = cellXfs.xml;
  const index = new Map(keys.map((k, i) => [`${k.style}|${k.format}`, cellXfs.first + i]));
  return { xml, xf: (style, format) => index.get(`${style}|${format}`) ?? 0 };
}
