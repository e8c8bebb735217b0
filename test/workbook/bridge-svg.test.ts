/**
 * The profit bridge as a standalone SVG (`--svg-bridge`): Kaplan & Anderson's department over two periods
 * at a hundredth of its size (test/helpers/kaplan-periods.ts, with D; the same cost per minute, so
 * operating profit 55,400 → 58,650), parsed back as XML: a bar per step in proportion to its amount, the
 * colours (totals grey, up green, down red), the amounts on the bars, labels escaped, Dutch numbers.
 */
import { dec } from '../../src/engine/decimal';
import { bridgeSvgFile } from '../../src/workbook/bridge-svg';
import { kaplanComparison } from '../helpers/kaplan-periods';
import { svgElements } from '../helpers/xml-ns';

const elements = svgElements;

const { comparison } = kaplanComparison({ withD: true, scale: 0.01 });
const labels = { earlier: '2025', now: '2026' };

describe('the profit bridge picture', () => {
  const svg = bridgeSvgFile(comparison, labels, 'EUR', 'en');
  const els = elements(svg);
  const bars = els.filter((e) => e.name === 'rect').slice(1);
  const texts = els.filter((e) => e.name === 'text').map((e) => e.text);

  it('has a bar per step, coloured grey for the totals, green for a part that raises profit and red for one that lowers it', () => {
    expect(comparison.totals.before.toFixed(2)).toBe('55400.00');
    expect(comparison.totals.after.toFixed(2)).toBe('58650.00');
    expect(bars.map((b) => b.attrs.style)).toEqual([
      'fill:#8c8c8c', // 2025
      'fill:#2e9e4f', // revenue +9,200
      'fill:#2e9e4f', // discounts 0
      'fill:#c0392b', // COGS −5,600
      'fill:#c0392b', // volume −384
      'fill:#c0392b', // rate −141.50
      'fill:#2e9e4f',
      'fill:#2e9e4f',
      'fill:#2e9e4f', // unused capacity not charged +175.50
      'fill:#2e9e4f',
      'fill:#8c8c8c', // 2026
    ]);
  });

  it('draws each bar in proportion to its amount, floating where the running total stood', () => {
    const h = (i: number): number => Number(bars[i]?.attrs.height);
    const top = (i: number): number => Number(bars[i]?.attrs.y);
    expect(h(1) / h(3)).toBeCloseTo(9200 / 5600, 2);
    expect(h(0) / h(10)).toBeCloseTo(55400 / 58650, 2);
    // Revenue's bar ends where COGS's starts (both at 64,600), and the 2026 total's top is where the last part ends.
    expect(top(1)).toBeCloseTo(top(3), 1);
    expect(top(10)).toBeCloseTo(top(9), 1);
  });

  it('writes the amounts on the bars and the change in the heading', () => {
    expect(texts).toEqual(expect.arrayContaining(['Operating profit: 2025 to 2026', 'Change in operating profit: +€ 3,250.00', '€ 55,400.00', '+€ 9,200.00', '-€ 5,600.00', '-€ 384.00', '-€ 141.50', '+€ 175.50', '€ 0.00', '€ 58,650.00']));
  });

  it('escapes the labels given and writes Dutch numbers', () => {
    const nl = bridgeSvgFile(comparison, { earlier: 'Budget <&>', now: 'Werkelijk' }, 'EUR', 'nl');
    const t = elements(nl).filter((e) => e.name === 'text').map((e) => e.text);
    expect(t).toEqual(expect.arrayContaining(['Bedrijfsresultaat: Budget <&> naar Werkelijk', 'Verandering bedrijfsresultaat: +€ 3.250,00', '-€ 5.600,00', 'Omzet']));
    expect(nl).toContain('Budget &lt;&amp;&gt;');
  });

  it('lets a bar that crosses zero reach from below the axis to above it', () => {
    const crossing = { ...comparison, totals: { ...comparison.totals, before: dec(-6000), after: dec(-6000).plus(comparison.totals.change) } };
    const all = elements(bridgeSvgFile(crossing, labels, 'EUR', 'en'));
    const axis = Number(all.find((e) => e.name === 'line')?.attrs.y1);
    const revenue = all.filter((e) => e.name === 'rect')[2];
    const [y, height] = [Number(revenue?.attrs.y), Number(revenue?.attrs.height)];
    expect(y < axis && y + height > axis).toBe(true);
    // −6,000 + 9,200 = 3,200 above zero: the part above the axis is 3,200 / 9,200 of the bar.
    expect((axis - y) / height).toBeCloseTo(3200 / 9200, 2);
  });
});
