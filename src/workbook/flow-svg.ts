/**
 * The cost flow (cost-flow.ts) as a Sankey-style SVG document, built as a string: the runner writes it
 * (`--svg-flow`) and the task pane shows it, so both are the same picture. Every band's width is in
 * proportion to its amount; every label carries its amount in the result's currency. Every text is
 * XML-escaped and every number written by this module, so the markup is safe to put into a page as it is.
 */
import { type Dec, roundCents, toNumber } from '../engine/decimal';
import type { CostingResult } from '../engine/result';
import { type CostFlow, costFlowOf, type FlowNode, type FlowNodeKind, type MoneyText } from './cost-flow';
import { flowText } from './flow-text';
import { currencyAffixes } from './report-format';
import type { ReportLanguage } from './report-text';
import { encodeXml } from './xml-text';

const W = 1200;
/** The right margin holds the last column's labels, so they never meet the labels of the column before. */
const PAD = { left: 12, right: 230, top: 58, bottom: 12 };
const NODE_W = 12;
/** Height of the bands' tallest column, in pixels. */
const PLOT_H = 520;
const GAP = 6;
/** The least room a node takes in its column, so labels of small nodes do not run into each other. */
const SLOT = 13;
const NOTE_LINE = 14;
const NOTE_CHARS = 180;
const LABEL_CHARS = 34;
const FONT = 'Segoe UI, Helvetica, Arial, sans-serif';

const COLORS: { readonly [K in FlowNodeKind]: string } = {
  account: '#7a8ca3',
  support: '#8e6bb8',
  own: '#5d87b8',
  operating: '#1f6fb2',
  activity: '#2a9d8f',
  segment: '#3a8f3a',
  unused: '#e08a1e',
  unassigned: '#b5534b',
  beyond: '#c9a227',
};
const TEXT = '#333333';

const n = (v: number): string => (Number.isFinite(v) ? Number(v.toFixed(1)).toString() : '0');

/** Money as the report writes it (`€ 1,234.50`, in Dutch `€ 1.234,50`), from the decimal's text, never a float. */
export function flowMoney(currency: string, language: ReportLanguage): MoneyText {
  const { thousands, decimal } = flowText(language).numbers;
  const { prefix, suffix } = currencyAffixes(currency);
  return (amount: Dec) => {
    const fixed = roundCents(amount).toFixed(2);
    const negative = fixed.startsWith('-');
    const [whole = '0', cents = '00'] = (negative ? fixed.slice(1) : fixed).split('.');
    return `${prefix}${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands)}${decimal}${cents}${suffix}`;
  };
}

interface Placed {
  node: FlowNode;
  x: number;
  y: number;
  h: number;
  /** Where the next outgoing and incoming band attaches. */
  outY: number;
  inY: number;
}

/**
 * The SVG file of a result's cost flow in `language`, or null when the result has no first stage (no
 * ledger and no support pools: the flow from pools on is what the report's sheets already show).
 */
export function costFlowSvg(result: CostingResult, language: ReportLanguage): string | null {
  const money = flowMoney(result.settings.currency, language);
  const flow = costFlowOf(result, language, money);
  return flow === null ? null : drawFlow(flow, money);
}

function drawFlow(flow: CostFlow, money: MoneyText): string {
  const columns = flow.columns.length;
  const colX = (c: number): number => PAD.left + (c * (W - PAD.left - PAD.right - NODE_W)) / Math.max(1, columns - 1);
  const sizeOf = new Map<string, number>();
  for (const b of flow.bands) {
    sizeOf.set(`out:${b.from}`, (sizeOf.get(`out:${b.from}`) ?? 0) + toNumber(b.amount));
    sizeOf.set(`in:${b.to}`, (sizeOf.get(`in:${b.to}`) ?? 0) + toNumber(b.amount));
  }
  const value = (id: string): number => Math.max(sizeOf.get(`out:${id}`) ?? 0, sizeOf.get(`in:${id}`) ?? 0);
  const byColumn = Array.from({ length: columns }, (_, c) => flow.nodes.filter((node) => node.column === c));
  const scale = Math.min(...byColumn.map((nodes) => {
    const total = nodes.reduce((s, node) => s + value(node.id), 0);
    return total > 0 ? (PLOT_H - GAP * Math.max(0, nodes.length - 1)) / total : Infinity;
  }));
  const k = Number.isFinite(scale) ? scale : 0;
  const placed = new Map<string, Placed>();
  let plotBottom = PAD.top;
  byColumn.forEach((nodes, c) => {
    let y = PAD.top;
    for (const node of nodes) {
      const h = value(node.id) * k;
      placed.set(node.id, { node, x: colX(c), y, h, outY: y, inY: y });
      y += Math.max(h, SLOT) + GAP;
    }
    plotBottom = Math.max(plotBottom, y - GAP);
  });

  const order = new Map(flow.nodes.map((node, i) => [node.id, i]));
  const bands = [...flow.bands].sort((a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0) || (order.get(a.to) ?? 0) - (order.get(b.to) ?? 0));
  const paths: string[] = [];
  for (const b of bands) {
    const from = placed.get(b.from);
    const to = placed.get(b.to);
    if (from === undefined || to === undefined) continue;
    const h = toNumber(b.amount) * k;
    const x0 = from.x + NODE_W;
    const x1 = to.x;
    const xm = (x0 + x1) / 2;
    const [y0, y1] = [from.outY, to.inY];
    from.outY += h;
    to.inY += h;
    const d = `M${n(x0)},${n(y0)} C${n(xm)},${n(y0)} ${n(xm)},${n(y1)} ${n(x1)},${n(y1)} L${n(x1)},${n(y1 + h)} C${n(xm)},${n(y1 + h)} ${n(xm)},${n(y0 + h)} ${n(x0)},${n(y0 + h)} Z`;
    paths.push(`<path d="${d}" style="fill:${COLORS[from.node.kind]}" fill-opacity="0.35"><title>${encodeXml(`${from.node.label} → ${to.node.label}: ${money(b.amount)}`)}</title></path>`);
  }

  const text = (x: number, y: number, anchor: string, body: string, extra = ''): string =>
    `<text x="${n(x)}" y="${n(y)}" text-anchor="${anchor}" style="fill:${TEXT}"${extra}>${encodeXml(body)}</text>`;
  const halo = ' stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"';
  const nodes: string[] = [];
  for (const p of placed.values()) {
    nodes.push(`<rect x="${n(p.x)}" y="${n(p.y)}" width="${NODE_W}" height="${n(Math.max(p.h, 1))}" style="fill:${COLORS[p.node.kind]}"/>`);
    const label = `${cut(p.node.label)} ${money(p.node.amount)}`;
    nodes.push(text(p.x + NODE_W + 4, p.y + Math.max(p.h, SLOT) / 2 + 3.5, 'start', label, halo));
  }
  const headers = flow.columns.map((title, c) => text(colX(c), PAD.top - 10, 'start', title, ' font-weight="600"'));
  const notes = flow.notes.flatMap(wrap);
  const height = Math.ceil(plotBottom + 12 + notes.length * NOTE_LINE + PAD.bottom);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${encodeXml(flow.title)}" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" font-family="${FONT}" font-size="11">`,
    `<rect x="0" y="0" width="${W}" height="${height}" style="fill:#ffffff"/>`,
    text(PAD.left, 20, 'start', flow.title, ' font-size="15" font-weight="600"'),
    ...headers,
    `<g>${paths.join('')}</g>`,
    `<g>${nodes.join('')}</g>`,
    ...notes.map((line, i) => text(PAD.left, plotBottom + 12 + (i + 1) * NOTE_LINE - 3, 'start', line, ' font-size="10.5"')),
    '</svg>',
    '',
  ].join('\n');
}

/** A label short enough to stay between two columns. */
function cut(label: string): string {
  const chars = [...label];
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : label;
}

/** A note cut into lines at spaces. */
function wrap(note: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of note.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > NOTE_CHARS) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return line === '' ? lines : [...lines, line];
}
