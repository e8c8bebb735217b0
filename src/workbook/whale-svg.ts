/**
 * The whale curve as an SVG document, built as a string: the task pane shows it and the runner writes it
 * next to the report (`--svg`), so both are the same picture. Every text is XML-escaped and every number
 * is written by this module, so the markup is safe to put into a page as it is.
 */
import { type ReportLanguage, reportText } from './report-text';
import { type WhaleCurve, whalePlotPoints, whaleSentence } from './whale-curve';
// Forbidden characters replaced too: an SVG is XML, and one control character makes it unreadable.
import { encodeXml } from './xml-text';

/** Colours as CSS values: plain colours for a file, `var(--token)` in the task pane. */
export interface WhaleSvgColors {
  curve: string;
  axis: string;
  guide: string;
  text: string;
}

export interface WhaleSvgOptions {
  /** Accessible description (`aria-label`) and axis titles, in the reader's language. */
  label: string;
  axisX: string;
  axisY: string;
  formatPercent: (fraction: number) => string;
  colors?: WhaleSvgColors;
  /** A sentence under the plot (the file's caption); none in the pane, which shows its own. */
  caption?: string;
  /** Width and height attributes of a standalone file, in pixels; the pane sizes it by CSS instead. */
  size?: { width: number; height: number };
  /** `data-testid` of the root element. */
  testId?: string;
}

const W = 280;
const H = 150;
const PAD = { left: 40, right: 8, top: 8, bottom: 22 };
/** Height of a caption line; a caption is cut into lines after its semicolons (two clauses, two lines). */
const CAPTION_LINE = 11;

const DEFAULT_COLORS: WhaleSvgColors = { curve: '#1f6fb2', axis: '#8a8a8a', guide: '#c8c8c8', text: '#555555' };

const n = (v: number): string => (Number.isFinite(v) ? Number(v.toFixed(1)).toString() : '0');

/**
 * The SVG of the curve's plot points (x the share of customers, y the share of total profit, from
 * `whalePlotPoints`): one path through every point, the 100% guide, the axes and the peak marked with its
 * share. Empty text when there are fewer than two points (nothing to draw).
 */
export function whaleSvg(points: ReadonlyArray<{ x: number; y: number }>, options: WhaleSvgOptions): string {
  if (points.length < 2) return '';
  const c = options.colors ?? DEFAULT_COLORS;
  const ys = points.map((p) => p.y);
  const top = Math.max(1, ...ys);
  const bottom = Math.min(0, ...ys);
  const sx = (x: number): number => PAD.left + x * (W - PAD.left - PAD.right);
  const sy = (y: number): number => PAD.top + ((top - y) / (top - bottom)) * (H - PAD.top - PAD.bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(sx(p.x))},${n(sy(p.y))}`).join(' ');
  const peak = points.reduce((best, p) => (p.y > best.y ? p : best), points[0] as { x: number; y: number });
  const captionLines = options.caption === undefined ? [] : options.caption.split(/(?<=;) /);
  const height = H + captionLines.length * CAPTION_LINE + (captionLines.length > 0 ? 4 : 0);
  const stroke = (color: string): string => `style="stroke:${encodeXml(color)}"`;
  const fill = (color: string): string => `style="fill:${encodeXml(color)}"`;
  const label = (x: number, y: number, anchor: string, body: string, extra = ''): string =>
    `<text x="${n(x)}" y="${n(y)}" font-size="9" text-anchor="${anchor}" ${fill(c.text)}${extra}>${encodeXml(body)}</text>`;
  const size = options.size === undefined ? ' width="100%"' : ` width="${options.size.width}" height="${options.size.height}"`;
  const testId = options.testId === undefined ? '' : ` data-testid="${encodeXml(options.testId)}"`;
  const midY = (sy(top) + sy(bottom)) / 2;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${encodeXml(options.label)}"${testId} viewBox="0 0 ${W} ${height}"${size} font-family="Segoe UI, Helvetica, Arial, sans-serif">`,
    `<line x1="${n(sx(0))}" x2="${n(sx(1))}" y1="${n(sy(1))}" y2="${n(sy(1))}" ${stroke(c.guide)} stroke-dasharray="3 3"/>`,
    `<line x1="${n(sx(0))}" x2="${n(sx(1))}" y1="${n(sy(0))}" y2="${n(sy(0))}" ${stroke(c.axis)}/>`,
    `<line x1="${n(sx(0))}" x2="${n(sx(0))}" y1="${n(sy(top))}" y2="${n(sy(bottom))}" ${stroke(c.axis)}/>`,
    label(PAD.left - 4, sy(1) + 4, 'end', options.formatPercent(1)),
    // The peak's label only when it does not sit on the 100% label.
    Math.abs(sy(peak.y) - sy(1)) >= 9 ? label(PAD.left - 4, sy(peak.y) + 4, 'end', options.formatPercent(peak.y)) : '',
    label(PAD.left - 4, sy(0) + 4, 'end', '0'),
    `<path d="${path}" fill="none" ${stroke(c.curve)} stroke-width="2"/>`,
    `<circle cx="${n(sx(peak.x))}" cy="${n(sy(peak.y))}" r="3" ${fill(c.curve)}/>`,
    label((sx(0) + sx(1)) / 2, H - 6, 'middle', options.axisX),
    label(10, midY, 'middle', options.axisY, ` transform="rotate(-90 10 ${n(midY)})"`),
    ...captionLines.map((line, i) => label(W / 2, H + (i + 1) * CAPTION_LINE, 'middle', line)),
    '</svg>',
  ];
  return parts.join('');
}

/**
 * The standalone SVG file of a curve, with its texts in `language` and the sentence as its caption. With
 * nothing to plot (no customers, or total profit not positive) the file holds the sentence alone.
 */
export function whaleSvgFile(curve: WhaleCurve, language: ReportLanguage): string {
  const w = reportText(language).whale;
  const percent = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 });
  const caption = whaleSentence(curve, language);
  const svg = whaleSvg(whalePlotPoints(curve), {
    label: w.chartTitle,
    axisX: w.axisX,
    // The chart's axis title is too long for the picture's height; the series name says the same.
    axisY: w.series,
    formatPercent: (f) => percent.format(f),
    caption,
    size: { width: 840, height: 528 },
  });
  if (svg !== '') return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${encodeXml(w.chartTitle)}" viewBox="0 0 ${W} 40" width="840" height="120" font-family="Segoe UI, Helvetica, Arial, sans-serif">` +
    `<text x="${W / 2}" y="24" font-size="9" text-anchor="middle" style="fill:${DEFAULT_COLORS.text}">${encodeXml(caption)}</text></svg>\n`
  );
}
