/**
 * A report sheet's chart as package parts: a DrawingML chart part (`xl/charts/chartN.xml`, a scatter chart
 * whose series read report cells and carry their values as caches, so it draws without recalculation) and
 * the drawing part that places it over the sheet's cells (`xl/drawings/drawingN.xml`, a twoCellAnchor).
 *
 * On a re-run the sheet's earlier drawing is kept in place: the report's own anchor (the graphic frame
 * named `ABC whale curve`) is replaced and its chart part rewritten under the same name, and every anchor
 * the user added (a chart, a picture, a shape) stays with its relationships, attached to the rewritten
 * sheet. Nothing is duplicated and nothing the user drew is orphaned (docs/workbook-contract.md).
 */
import type JSZip from 'jszip';
import { columnLetters } from '../workbook/grid';
import type { ChartRange, ChartSeries, ChartTextRange, ReportChart, TornadoBars, WaterfallBars, WaterfallRole } from '../workbook/report-types';
import { WHALE_CHART_NAME } from '../workbook/whale-curve';
import { BRIDGE_CHART_NAME } from '../workbook/report-comparison';
import { TORNADO_CHART_NAME } from '../workbook/report-sensitivity';

/** The charts the report draws, by the name of their graphic frame. */
const REPORT_CHART_NAMES = [WHALE_CHART_NAME, BRIDGE_CHART_NAME, TORNADO_CHART_NAME];
import { type Conformance, namespacesFor, REL_NS } from './namespaces';
import { type ContentTypesEditor, findPart, folderOf, parsePart, readXmlPart, RelationshipsEditor, relsPathOf, writePart } from './package';
import { encodeXml } from './xml';
import { appendInside, applyEdits, attr, type Edit, removeElement, type XmlElement } from './xml-tree';

/** Content types of the parts written here (the same in both conformance classes). */
export const CHART_CONTENT_TYPES = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};

/** DrawingML namespaces by conformance class: the chart, the drawing main and the spreadsheet drawing. */
export function drawingNamespaces(conformance: Conformance): { c: string; a: string; xdr: string; r: string } {
  const r = namespacesFor(conformance).rel;
  return conformance === 'strict'
    ? { c: 'http://purl.oclc.org/ooxml/drawingml/chart', a: 'http://purl.oclc.org/ooxml/drawingml/main', xdr: 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing', r }
    : {
        c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
        a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
        xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
        r,
      };
}

/** Relationship types of a drawing (sheet → drawing) and a chart (drawing → chart). */
export function chartRelationshipType(kind: 'drawing' | 'chart', conformance: Conformance): string {
  return `${namespacesFor(conformance).rel}/${kind}`;
}

/** A sheet name as a formula writes it: always quoted, apostrophes doubled. */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The absolute reference of a one-column block: `'ABC Customer P&L'!$A$4:$A$253`. */
export function rangeFormula(range: Omit<ChartRange, 'values'>): string {
  const col = columnLetters(range.column);
  const first = `$${col}$${range.firstRow}`;
  return `${sheetRef(range.sheet)}!${range.firstRow === range.lastRow ? first : `${first}:$${col}$${range.lastRow}`}`;
}

const num = (v: number): string => (Number.isFinite(v) ? String(v) : '0');

function numRef(range: ChartRange, formatCode: string): string {
  const points = range.values.map((v, i) => `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>`).join('');
  return (
    `<c:numRef><c:f>${encodeXml(rangeFormula(range))}</c:f><c:numCache><c:formatCode>${encodeXml(formatCode)}</c:formatCode>` +
    `<c:ptCount val="${range.values.length}"/>${points}</c:numCache></c:numRef>`
  );
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${encodeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

const CURVE_COLOR = '1F6FB2';
const PEAK_COLOR = 'C0392B';

function series(s: ChartSeries, index: number, yFormat: string): string {
  const color = s.line ? CURVE_COLOR : PEAK_COLOR;
  const line = s.line ? `<a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:round/></a:ln>` : '<a:ln><a:noFill/></a:ln>';
  const marker = s.marker
    ? `<c:marker><c:symbol val="circle"/><c:size val="8"/><c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr></c:marker>`
    : '<c:marker><c:symbol val="none"/></c:marker>';
  const labels = s.label
    ? `<c:dLbls><c:numFmt formatCode="${encodeXml(yFormat)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:dLblPos val="r"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
    : '';
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${encodeXml(s.name)}</c:v></c:tx>` +
    `<c:spPr>${line}</c:spPr>${marker}${labels}` +
    `<c:xVal>${numRef(s.x, 'General')}</c:xVal><c:yVal>${numRef(s.y, yFormat)}</c:yVal><c:smooth val="0"/></c:ser>`
  );
}

function axis(id: number, cross: number, position: 'b' | 'l', title: string, format: string, extra: { max?: number; gridlines?: boolean }): string {
  const max = extra.max === undefined ? '' : `<c:max val="${extra.max}"/>`;
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/>${max}${position === 'b' ? '<c:min val="0"/>' : ''}</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${position}"/>${extra.gridlines === true ? '<c:majorGridlines><c:spPr><a:ln><a:solidFill><a:srgbClr val="E0E0E0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' : ''}` +
    `<c:title>${richText(title, 900, false)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="${encodeXml(format)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:crossBetween val="midCat"/></c:valAx>`
  );
}

/** Excel's number format code for a chart's value format. */
function formatCode(format: ReportChart['yFormat']): string {
  return format === 'percent' ? '0%' : format === 'integer' ? '0' : 'General';
}

/** The waterfall's fills: the base drawn not at all, increases green, decreases red, totals grey. */
const WATERFALL_FILLS: { readonly [R in WaterfallRole]: string } = {
  base: '<a:noFill/><a:ln><a:noFill/></a:ln>',
  increase: '<a:solidFill><a:srgbClr val="2E9E4F"/></a:solidFill>',
  decrease: '<a:solidFill><a:srgbClr val="C0392B"/></a:solidFill>',
  total: '<a:solidFill><a:srgbClr val="8C8C8C"/></a:solidFill>',
};

/** A block of text cells as a category reference with its cached texts. */
function strRef(range: ChartTextRange): string {
  const points = range.values.map((v, i) => `<c:pt idx="${i}"><c:v>${encodeXml(v)}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${encodeXml(rangeFormula(range))}</c:f><c:strCache><c:ptCount val="${range.values.length}"/>${points}</c:strCache></c:strRef>`;
}

/**
 * A waterfall's plot area: stacked columns overlapping fully (one column per step), the invisible base
 * first, then the coloured bars; the category labels at the bottom however far the bars reach below zero.
 */
function waterfallPlot(bars: WaterfallBars, axisY: string): string {
  const format = '#,##0';
  const series = bars.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${encodeXml(s.name)}</c:v></c:tx><c:spPr>${WATERFALL_FILLS[s.role]}</c:spPr>` +
        `<c:invertIfNegative val="0"/><c:cat>${strRef(bars.categories)}</c:cat><c:val>${numRef(s.values, format)}</c:val></c:ser>`,
    )
    .join('');
  return (
    '<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>' +
    series +
    '<c:gapWidth val="50"/><c:overlap val="100"/><c:axId val="500000011"/><c:axId val="500000012"/></c:barChart>' +
    '<c:catAx><c:axId val="500000011"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>' +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>` +
    '<c:crossAx val="500000012"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="500000012"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    '<c:majorGridlines><c:spPr><a:ln><a:solidFill><a:srgbClr val="E0E0E0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
    `<c:title>${richText(axisY, 900, false)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="${format}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    '<c:crossAx val="500000011"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>'
  );
}

/** The tornado's fills: the estimate at Low in blue, at High in orange (as the SVG, tornado-svg.ts). */
export const TORNADO_FILLS = { low: '1F6FB2', high: 'E08A1E' } as const;

/**
 * A tornado's plot area: horizontal clustered bars overlapping fully, so an estimate's Low and High bars
 * share one row and stand left and right of zero; its labels at the left edge however far the bars reach
 * below zero, and a legend saying which colour is which.
 */
function tornadoPlot(bars: TornadoBars, axisY: string): string {
  const format = '#,##0';
  const series = [bars.low, bars.high]
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${encodeXml(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${i === 0 ? TORNADO_FILLS.low : TORNADO_FILLS.high}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/><c:cat>${strRef(bars.categories)}</c:cat><c:val>${numRef(s.values, format)}</c:val></c:ser>`,
    )
    .join('');
  return (
    '<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    series +
    '<c:gapWidth val="40"/><c:overlap val="100"/><c:axId val="500000021"/><c:axId val="500000022"/></c:barChart>' +
    '<c:catAx><c:axId val="500000021"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>' +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>` +
    '<c:crossAx val="500000022"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="500000022"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:majorGridlines><c:spPr><a:ln><a:solidFill><a:srgbClr val="E0E0E0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
    `<c:title>${richText(axisY, 900, false)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="${format}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    '<c:crossAx val="500000021"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>'
  );
}

/** The chart's plot area and legend: a waterfall has no legend (its colours say increase, decrease and total, and its invisible base must not be listed); the whale curve and the tornado have one. */
function plotAndLegend(chart: ReportChart): string {
  const legend = '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>';
  if (chart.waterfall !== undefined) return waterfallPlot(chart.waterfall, chart.axisY);
  if (chart.tornado !== undefined) return tornadoPlot(chart.tornado, chart.axisY) + legend;
  return scatterPlot(chart) + legend;
}

/** The chart part's XML: a scatter chart of the description's series (or its waterfall, or its tornado), in the workbook's conformance class. */
export function chartXml(chart: ReportChart, conformance: Conformance = 'transitional'): string {
  const ns = drawingNamespaces(conformance);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${ns.c}" xmlns:a="${ns.a}" xmlns:r="${ns.r}"><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(chart.title, 1200, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    plotAndLegend(chart) +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>' +
    '</c:chartSpace>'
  );
}

/** A scatter chart's plot area: its series and two value axes. */
function scatterPlot(chart: ReportChart): string {
  const yFormat = formatCode(chart.yFormat);
  const xMax = Math.max(1, ...chart.series.flatMap((s) => s.x.values));
  return (
    '<c:plotArea><c:layout/><c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>' +
    chart.series.map((s, i) => series(s, i, yFormat)).join('') +
    '<c:axId val="500000001"/><c:axId val="500000002"/></c:scatterChart>' +
    axis(500000001, 500000002, 'b', chart.axisX, '0', { max: xMax }) +
    axis(500000002, 500000001, 'l', chart.axisY, yFormat, { gridlines: true }) +
    '</c:plotArea>'
  );
}

/**
 * The drawing's anchor of a chart, declaring its own namespaces so it can go into a drawing part the user
 * wrote, whatever prefixes that part uses.
 */
export function chartAnchorXml(chart: ReportChart, chartRelId: string, shapeId: number, conformance: Conformance = 'transitional', declare = true): string {
  const ns = drawingNamespaces(conformance);
  const { fromRow, fromColumn, toRow, toColumn } = chart.anchor;
  const cell = (tag: string, col: number, row: number): string =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor${declare ? ` xmlns:xdr="${ns.xdr}" xmlns:a="${ns.a}" xmlns:c="${ns.c}" xmlns:r="${ns.r}"` : ''} editAs="oneCell">` +
    cell('from', fromColumn, fromRow) +
    cell('to', toColumn, toRow) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${encodeXml(chart.name)}" descr="${encodeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${ns.c}"><c:chart r:id="${encodeXml(chartRelId)}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

/** A drawing part holding the report's chart alone. */
function drawingXml(chart: ReportChart, chartRelId: string, conformance: Conformance): string {
  const ns = drawingNamespaces(conformance);
  const anchor = chartAnchorXml(chart, chartRelId, 2, conformance, false);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${ns.xdr}" xmlns:a="${ns.a}" xmlns:c="${ns.c}" xmlns:r="${ns.r}">${anchor}</xdr:wsDr>`;
}

function descendants(el: XmlElement): XmlElement[] {
  return el.children.flatMap((c) => [c, ...descendants(c)]);
}

const ANCHORS = new Set(['twoCellAnchor', 'oneCellAnchor', 'absoluteAnchor']);

/** The anchors of a drawing that hold the report's chart (a frame named like it). */
function reportAnchors(root: XmlElement, names: readonly string[]): XmlElement[] {
  return root.children.filter((a) => ANCHORS.has(a.local) && descendants(a).some((d) => d.local === 'cNvPr' && names.includes(attr(d, 'name') ?? '')));
}

/** A part name not in the package yet: `<folder>/<sub>/<stem><n>.xml`. */
function newPart(zip: JSZip, workbookPart: string, sub: string, stem: string): string {
  const folder = folderOf(workbookPart);
  for (let n = 1; ; n++) {
    const part = `${folder === '' ? '' : `${folder}/`}${sub}/${stem}${n}.xml`;
    if (findPart(zip, part) === null) return part;
  }
}

/** What a report sheet's drawing is after the run. */
export interface SheetDrawing {
  /** The drawing part the sheet must refer to (`<drawing r:id>`); null when the sheet has none. */
  drawingPart: string | null;
  /** The chart part the report's chart is in; null when there is no chart. */
  chartPart: string | null;
  /** Anchors of the user's kept in the drawing (charts, pictures, shapes they added to the report sheet). */
  keptAnchors: number;
}

/**
 * Writes a report sheet's chart and drawing parts. `oldDrawing` is the drawing part the sheet's earlier
 * version referred to (null on a first run): it is edited in place, keeping the user's anchors. The
 * content types of the parts written are set in `contentTypes`; the caller relates the sheet to the
 * returned drawing part.
 */
export async function writeSheetDrawing(
  zip: JSZip,
  contentTypes: ContentTypesEditor,
  workbookPart: string,
  chart: ReportChart | undefined,
  oldDrawing: string | null,
  conformance: Conformance,
): Promise<SheetDrawing> {
  const old = oldDrawing === null ? null : await readXmlPart(zip, oldDrawing);
  if (old === null && chart === undefined) return { drawingPart: null, chartPart: null, keptAnchors: 0 };
  if (old === null) {
    // A new drawing holding the chart alone.
    const drawingPart = newPart(zip, workbookPart, 'drawings', 'drawing');
    const chartPart = writePart(zip, newPart(zip, workbookPart, 'charts', 'chart'), chartXml(chart as ReportChart, conformance));
    const rels = new RelationshipsEditor(null, drawingPart);
    const id = rels.add(chartRelationshipType('chart', conformance), chartPart);
    writePart(zip, drawingPart, drawingXml(chart as ReportChart, id, conformance));
    rels.save(zip);
    contentTypes.setOverride(drawingPart, CHART_CONTENT_TYPES.drawing);
    contentTypes.setOverride(chartPart, CHART_CONTENT_TYPES.chart);
    return { drawingPart, chartPart, keptAnchors: 0 };
  }

  // The earlier drawing: the report's anchor goes, the user's stay.
  const root = parsePart(old.text, old.name);
  const rels = new RelationshipsEditor(await readXmlPart(zip, relsPathOf(old.name)), old.name);
  // Without a chart this run, whichever report chart the sheet had goes (a Comparison sheet emptied, see report-comparison.ts).
  const ours = reportAnchors(root, chart === undefined ? REPORT_CHART_NAMES : [chart.name]);
  const edits: Edit[] = ours.map(removeElement);
  // The report's earlier chart relationship and part, reused so a re-run rewrites the same part.
  const oldRelId = ours
    .flatMap(descendants)
    .filter((d) => d.local === 'chart')
    .map((d) => attr(d, 'id', REL_NS))
    .find((id) => id !== undefined);
  const oldRel = oldRelId === undefined ? undefined : rels.find((r) => r.id === oldRelId && r.part !== null);
  const kept = root.children.filter((a) => ANCHORS.has(a.local)).length - ours.length;
  let chartPart: string | null = null;
  if (chart !== undefined && kept === 0 && oldRel !== undefined) {
    // Only the report's chart in it: written afresh, so a re-run gives the same bytes.
    chartPart = writePart(zip, oldRel.part ?? '', chartXml(chart, conformance));
    writePart(zip, old.name, drawingXml(chart, oldRel.id, conformance), old.encoding);
    contentTypes.setOverride(chartPart, CHART_CONTENT_TYPES.chart);
    contentTypes.setOverride(old.name, CHART_CONTENT_TYPES.drawing);
    return { drawingPart: old.name, chartPart, keptAnchors: 0 };
  }
  if (chart !== undefined) {
    chartPart = writePart(zip, oldRel?.part ?? newPart(zip, workbookPart, 'charts', 'chart'), chartXml(chart, conformance));
    const id = oldRel?.id ?? rels.add(chartRelationshipType('chart', conformance), chartPart);
    const ids = descendants(root).filter((d) => d.local === 'cNvPr').map((d) => Number(attr(d, 'id') ?? '0'));
    edits.push(...appendInside(old.text, root, chartAnchorXml(chart, id, Math.max(1, ...ids.filter(Number.isFinite)) + 1, conformance)));
    contentTypes.setOverride(chartPart, CHART_CONTENT_TYPES.chart);
  }
  if (chart === undefined && oldRel !== undefined) await removeChartPart(zip, contentTypes, rels, oldRel.id, oldRel.part ?? '');
  if (chart === undefined && kept === 0) {
    // Nothing left to draw: the drawing goes too, so no empty drawing is left on the sheet.
    zip.remove(old.name);
    const drawingRels = findPart(zip, relsPathOf(old.name));
    if (drawingRels !== null) zip.remove(drawingRels.name);
    contentTypes.removeOverride(old.name);
    return { drawingPart: null, chartPart: null, keptAnchors: 0 };
  }
  writePart(zip, old.name, applyEdits(old.text, edits), old.encoding);
  rels.save(zip);
  contentTypes.setOverride(old.name, CHART_CONTENT_TYPES.drawing);
  return { drawingPart: old.name, chartPart, keptAnchors: kept };
}

/**
 * Removes the report's earlier chart when this run has none (a total profit of zero or less has no whale
 * curve): its relationship from the drawing, the part, and the parts only it used (the style and colour
 * parts Excel adds to a chart it saved), with their content types, so no part is left that nothing uses.
 */
async function removeChartPart(zip: JSZip, contentTypes: ContentTypesEditor, drawingRels: RelationshipsEditor, relId: string, chartPart: string): Promise<void> {
  drawingRels.remove(relId);
  const own = await readXmlPart(zip, relsPathOf(chartPart));
  if (own !== null) {
    for (const r of new RelationshipsEditor(own, chartPart).all()) {
      if (r.part === null) continue;
      const file = findPart(zip, r.part);
      if (file !== null) zip.remove(file.name);
      contentTypes.removeOverride(r.part);
    }
    zip.remove(own.name);
  }
  const file = findPart(zip, chartPart);
  if (file !== null) zip.remove(file.name);
  contentTypes.removeOverride(chartPart);
}

/** The drawing part a sheet part refers to, or null. */
export async function sheetDrawingPart(zip: JSZip, sheetPart: string): Promise<string | null> {
  const rels = await readXmlPart(zip, relsPathOf(sheetPart));
  if (rels === null) return null;
  return new RelationshipsEditor(rels, sheetPart).find((r) => r.type.endsWith('/drawing') && r.part !== null)?.part ?? null;
}

/**
 * Writes a fresh relationships part for a report sheet that relates it to its drawing, and returns the
 * relationship's id (`rId1`); null, and no part, when the sheet has no drawing.
 */
export function relateDrawing(zip: JSZip, sheetPart: string, drawingPart: string | null, conformance: Conformance): string | null {
  if (drawingPart === null) return null;
  const rels = new RelationshipsEditor(null, sheetPart);
  const id = rels.add(chartRelationshipType('drawing', conformance), drawingPart);
  rels.save(zip);
  return id;
}
