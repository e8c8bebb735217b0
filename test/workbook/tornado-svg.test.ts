/**
 * The tornado as a standalone SVG (`--svg-tornado`), on Kaplan & Anderson's department
 * (test/helpers/kaplan-sensitivity.ts), parsed back as XML: per estimate, largest swing on top, a blue bar
 * to its effect at Low and an orange one to its effect at High, each as long as its amount on one scale and
 * on its side of today's line; the amounts written at the bars; labels escaped; Dutch numbers; a model
 * without ranged estimates.
 */
import { tornadoSvgFile } from '../../src/workbook/tornado-svg';
import { kaplanSensitivity } from '../helpers/kaplan-sensitivity';
import { svgElements } from '../helpers/xml-ns';

const elements = svgElements;

const { sensitivity } = kaplanSensitivity();

describe('the tornado picture', () => {
  const els = elements(tornadoSvgFile(sensitivity, 'EUR', 'en'));
  // The background first, the two legend keys last.
  const rects = els.filter((e) => e.name === 'rect');
  const bars = rects.slice(1, -2);
  const texts = els.filter((e) => e.name === 'text').map((e) => e.text);
  const zero = Number(els.find((e) => e.name === 'line')?.attrs.x1);

  it('draws per estimate a bar at Low (blue) and at High (orange), largest swing on top, in proportion to the effects', () => {
    expect(bars.map((b) => b.attrs.style)).toEqual(['fill:#1f6fb2', 'fill:#e08a1e', 'fill:#1f6fb2', 'fill:#e08a1e', 'fill:#1f6fb2', 'fill:#e08a1e']);
    const ys = bars.map((b) => Number(b.attrs.y));
    expect(ys[0]).toBeLessThan(ys[2] as number);
    expect(ys[2]).toBeLessThan(ys[4] as number);
    // Effects at Low +1,292, +127.50, +12.75 stand right of today's line; at High −1,292, −255, −12.75 left of it.
    const widths = bars.map((b) => Number(b.attrs.width));
    const xs = bars.map((b) => Number(b.attrs.x));
    [0, 2, 4].forEach((i) => expect(xs[i]).toBeCloseTo(zero, 0));
    [1, 3, 5].forEach((i) => expect((xs[i] as number) + (widths[i] as number)).toBeCloseTo(zero, 0));
    const scale = (widths[0] as number) / 1292;
    [1292, 1292, 127.5, 255, 12.75, 12.75].forEach((amount, i) => expect(widths[i]).toBeCloseTo(Math.max(1, amount * scale), 0));
  });

  it('writes the labels, the amounts, the title and the legend', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        "Operating profit's change with each estimate at Low and at High",
        "The 3 estimates with the largest swing, of 3 with a range; change from today's operating profit",
        'Process customer orders · Orders',
        '+€ 1,292.00',
        '-€ 1,292.00',
        '+€ 127.50',
        '-€ 255.00',
        "Today's operating profit",
        'At Low',
        'At High',
      ]),
    );
  });

  it('escapes the workbook text and writes Dutch numbers', () => {
    const odd = { ...sensitivity, tornado: sensitivity.tornado.map((b, i) => (i === 0 ? { ...b, estimate: { ...b.estimate, activity: 'Orders <&> "rush"' } } : b)) };
    const svg = tornadoSvgFile(odd, 'EUR', 'nl');
    const t = elements(svg).filter((e) => e.name === 'text').map((e) => e.text);
    expect(t).toContain('Orders <&> "rush" · Orders');
    expect(t).toContain('+€ 1.292,00');
    expect(t).toContain('Bij Laag');
  });

  it('says so when no estimate has a range', () => {
    const t = elements(tornadoSvgFile({ ...sensitivity, tornado: [] }, 'EUR', 'en')).filter((e) => e.name === 'text').map((e) => e.text);
    expect(t).toContain('No estimate has a range: give Low and High in ABC_Activities, or the setting DefaultRange.');
  });
});
