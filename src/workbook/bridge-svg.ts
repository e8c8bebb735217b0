/**
 * The company's profit bridge (bridge-waterfall.ts) as a standalone SVG waterfall, built as a string: the
 * runner writes it next to the report (`--svg-bridge`). The earlier and today's operating profit stand on
 * zero in grey; each part floats from where the running total stood, green when it raises profit, red when
 * it lowers it, with its amount on it and a dashed line on to the next bar. Every text is XML-escaped and
 * every number written by this module, so the markup is safe to put into a page as it is.
 */
import type { Comparison } from '../engine/compare/types';
import { type Dec, ZERO } from '../engine/decimal';
import { bridgeSteps, type WaterfallStep } from './bridge-waterfall';
import { flowMoney } from './flow-svg';
import { type ReportLanguage, reportText } from './report-text';
import { encodeXml } from './xml-text';

const W = 1000;
const PAD = { left: 24, right: 24, top: 64, bottom: 78 };
const PLOT_H = 380;
const H = PAD.top + PLOT_H + PAD.bottom;
/** Share of a step's slot its bar takes. */
const BAR = 0.64;
/** Characters on one line of a step's label under the axis, and its most lines. */
const LABEL_CHARS = 15;
const LABEL_LINES = 4;
const FONT = 'Segoe UI, Helvetica, Arial, sans-serif';
const COLORS = { increase: '#2e9e4f', decrease: '#c0392b', total: '#8c8c8c', axis: '#8a8a8a', connector: '#9a9a9a', text: '#333333' };

const n = (v: number): string => (Number.isFinite(v) ? Number(v.toFixed(1)).toString() : '0');

/** A label cut into lines at spaces, each at most `LABEL_CHARS` where a word allows, at most `LABEL_LINES`. */
function wrap(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter((w) => w !== '')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= LABEL_CHARS) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= LABEL_LINES) return lines;
  return [...lines.slice(0, LABEL_LINES - 1), `${lines.slice(LABEL_LINES - 1).join(' ').slice(0, LABEL_CHARS - 1)}…`];
}

const colorOf = (s: WaterfallStep): string => (s.kind === 'total' ? COLORS.total : s.amount.isNegative() && !s.amount.isZero() ? COLORS.decrease : COLORS.increase);

/**
 * The SVG file of a comparison's company bridge, texts in `language` with the periods' labels, amounts in
 * `currency` as the report's other pictures write them.
 */
export function bridgeSvgFile(comparison: Comparison, labels: { earlier: string; now: string }, currency: string, language: ReportLanguage): string {
  const c = reportText(language).comparison;
  const money = flowMoney(currency, language);
  // The sign before the currency (`-€ 384.00`, `+€ 9,200.00`); a total and a zero get no plus.
  const signed = (d: Dec, plus = true): string => (d.isZero() ? money(ZERO) : d.isNegative() ? `-${money(d.abs())}` : `${plus ? '+' : ''}${money(d)}`);
  const steps = bridgeSteps(comparison, labels, language);
  const levels = steps.flatMap((s) => [s.from.toNumber(), s.to.toNumber()]);
  const top = Math.max(0, ...levels);
  const bottom = Math.min(0, ...levels);
  const span = top - bottom === 0 ? 1 : top - bottom;
  // Room above and below the bars for their amounts.
  const y = (v: number): number => PAD.top + 16 + ((top - v) / span) * (PLOT_H - 32);
  const slot = (W - PAD.left - PAD.right) / steps.length;
  const x = (i: number): number => PAD.left + i * slot + (slot * (1 - BAR)) / 2;
  const barW = slot * BAR;
  const text = (tx: number, ty: number, anchor: string, body: string, extra = ''): string =>
    `<text x="${n(tx)}" y="${n(ty)}" text-anchor="${anchor}" style="fill:${COLORS.text}"${extra}>${encodeXml(body)}</text>`;
  const parts: string[] = [];
  steps.forEach((s, i) => {
    const high = Math.max(s.from.toNumber(), s.to.toNumber());
    const low = Math.min(s.from.toNumber(), s.to.toNumber());
    // A zero part still shows as a hairline, so every step has its place.
    const height = Math.max(1, y(low) - y(high));
    parts.push(`<rect x="${n(x(i))}" y="${n(y(high))}" width="${n(barW)}" height="${n(height)}" style="fill:${colorOf(s)}"/>`);
    const up = !s.amount.isNegative() || s.amount.isZero();
    const amount = signed(s.amount, s.kind !== 'total');
    parts.push(text(x(i) + barW / 2, up ? y(high) - 5 : y(low) + 13, 'middle', amount, s.kind === 'total' ? ' font-weight="600"' : ''));
    const next = steps[i + 1];
    if (next !== undefined) {
      const level = y((next.kind === 'total' ? next.to : next.from).toNumber());
      parts.push(`<line x1="${n(x(i) + barW)}" x2="${n(x(i + 1))}" y1="${n(level)}" y2="${n(level)}" style="stroke:${COLORS.connector}" stroke-dasharray="3 2"/>`);
    }
    wrap(s.label).forEach((line, k) => parts.push(text(x(i) + barW / 2, PAD.top + PLOT_H + 16 + k * 13, 'middle', line, ' font-size="10.5"')));
  });
  const zero = y(0);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${encodeXml(c.chartTitle(labels.earlier, labels.now))}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="${FONT}" font-size="11">` +
    `<rect x="0" y="0" width="${W}" height="${H}" style="fill:#ffffff"/>` +
    text(PAD.left, 24, 'start', c.chartTitle(labels.earlier, labels.now), ' font-size="15" font-weight="600"') +
    text(PAD.left, 44, 'start', `${c.change}: ${signed(comparison.totals.change)}`, ' font-size="11.5"') +
    `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${n(zero)}" y2="${n(zero)}" style="stroke:${COLORS.axis}"/>` +
    parts.join('') +
    '</svg>\n'
  );
}
