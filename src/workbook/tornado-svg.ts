/**
 * The tornado (report-sensitivity.ts) as a standalone SVG, built as a string: the runner writes it next to
 * the report (`--svg-tornado`). One row per estimate, the largest swing on top: from the line of today's
 * operating profit, a blue bar to where profit stands with the estimate at its Low and an orange one to
 * where it stands at its High, each with its change written at its end. Every text is XML-escaped and every
 * number written by this module, so the markup is safe to put into a page as it is.
 */
import { type Dec, ZERO } from '../engine/decimal';
import type { SensitivityResult } from '../engine/sensitivity/types';
import { flowMoney } from './flow-svg';
import { TORNADO_TOP, estimateLabel, tornadoEffects } from './report-sensitivity';
import { type ReportLanguage, reportText } from './report-text';
import { encodeXml } from './xml-text';

const W = 1000;
const LABEL_W = 300;
const PAD = { left: 24, right: 24, top: 84, bottom: 56 };
const ROW = 30;
const BAR = 20;
/** Room left and right of the bars for their amounts. */
const AMOUNT_W = 110;
/** Characters of an estimate's label before it is cut. */
const LABEL_CHARS = 44;
const FONT = 'Segoe UI, Helvetica, Arial, sans-serif';
const COLORS = { low: '#1f6fb2', high: '#e08a1e', axis: '#8a8a8a', guide: '#e0e0e0', text: '#333333' };

const n = (v: number): string => (Number.isFinite(v) ? Number(v.toFixed(1)).toString() : '0');

const cut = (label: string): string => (label.length <= LABEL_CHARS ? label : `${label.slice(0, LABEL_CHARS - 1)}…`);

/**
 * The SVG file of a sensitivity analysis' tornado (its `TORNADO_TOP` largest swings), texts in `language`,
 * amounts in `currency` as the report's other pictures write them. A model without a ranged estimate gets
 * a picture that says so.
 */
export function tornadoSvgFile(sensitivity: SensitivityResult, currency: string, language: ReportLanguage): string {
  const c = reportText(language).sensitivity;
  const money = flowMoney(currency, language);
  const signed = (d: Dec): string => (d.isZero() ? money(ZERO) : d.isNegative() ? `-${money(d.abs())}` : `+${money(d)}`);
  const bars = sensitivity.tornado.slice(0, TORNADO_TOP);
  const effects = bars.map((b) => tornadoEffects(b));
  const plotH = Math.max(1, bars.length) * ROW;
  const H = PAD.top + plotH + PAD.bottom;
  const values = effects.flatMap((e) => [e.low.toNumber(), e.high.toNumber()]);
  const left = Math.min(0, ...values);
  const right = Math.max(0, ...values);
  const span = right - left === 0 ? 1 : right - left;
  const plotLeft = PAD.left + LABEL_W + AMOUNT_W;
  const plotRight = W - PAD.right - AMOUNT_W;
  const x = (v: number): number => plotLeft + ((v - left) / span) * (plotRight - plotLeft);
  const text = (tx: number, ty: number, anchor: string, body: string, extra = ''): string =>
    `<text x="${n(tx)}" y="${n(ty)}" text-anchor="${anchor}" style="fill:${COLORS.text}"${extra}>${encodeXml(body)}</text>`;
  const parts: string[] = [];
  bars.forEach((b, i) => {
    const e = effects[i] as { low: Dec; high: Dec };
    const top = PAD.top + i * ROW + (ROW - BAR) / 2;
    const mid = top + BAR / 2 + 4;
    parts.push(text(PAD.left + LABEL_W - 8, mid, 'end', cut(estimateLabel(b.estimate))));
    for (const [amount, color] of [
      [e.low, COLORS.low],
      [e.high, COLORS.high],
    ] as const) {
      const v = amount.toNumber();
      const from = Math.min(x(0), x(v));
      // A zero effect still shows as a hairline, so every estimate has its bar.
      parts.push(`<rect x="${n(from)}" y="${n(top)}" width="${n(Math.max(1, Math.abs(x(v) - x(0))))}" height="${BAR}" style="fill:${color}"/>`);
    }
    // Each amount at the outer end of its bar; two on one side (both raise or both lower profit) go at the farther end, one above the other.
    const sameSide = e.low.isNegative() === e.high.isNegative() && !e.low.isZero() && !e.high.isZero();
    const place = (amount: Dec, dy: number): void => {
      const v = amount.toNumber();
      const outward = v < 0 ? -1 : 1;
      const end = sameSide ? x(outward < 0 ? Math.min(e.low.toNumber(), e.high.toNumber()) : Math.max(e.low.toNumber(), e.high.toNumber())) : x(v);
      parts.push(text(end + outward * 5, mid + dy, outward < 0 ? 'end' : 'start', signed(amount), ' font-size="10.5"'));
    };
    place(e.low, sameSide ? -6 : 0);
    place(e.high, sameSide ? 6 : 0);
  });
  if (bars.length === 0) parts.push(text(PAD.left, PAD.top + 20, 'start', c.noTornado));
  const zero = x(0);
  const legendY = PAD.top + plotH + 34;
  const legend = [
    { label: c.effectAtLow, color: COLORS.low },
    { label: c.effectAtHigh, color: COLORS.high },
  ]
    .map((l, i) => `<rect x="${n(plotLeft + i * 140)}" y="${n(legendY - 10)}" width="12" height="12" style="fill:${l.color}"/>` + text(plotLeft + i * 140 + 18, legendY, 'start', l.label))
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${encodeXml(c.chartTitle)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="${FONT}" font-size="11">` +
    `<rect x="0" y="0" width="${W}" height="${H}" style="fill:#ffffff"/>` +
    text(PAD.left, 26, 'start', c.chartTitle, ' font-size="15" font-weight="600"') +
    text(PAD.left, 46, 'start', c.largestSwings(bars.length, sensitivity.tornado.length), ' font-size="11.5"') +
    text(zero, PAD.top - 8, 'middle', c.todaysProfit, ' font-size="10.5"') +
    `<line x1="${n(zero)}" x2="${n(zero)}" y1="${PAD.top - 4}" y2="${n(PAD.top + plotH)}" style="stroke:${COLORS.axis}"/>` +
    parts.join('') +
    text((plotLeft + plotRight) / 2, PAD.top + plotH + 16, 'middle', c.chartAxis, ' font-size="10.5"') +
    legend +
    '</svg>\n'
  );
}
