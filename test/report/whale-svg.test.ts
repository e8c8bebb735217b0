/** The whale curve's SVG: one routine for the task pane and the runner's `--svg` file. */
import { parseArgs, usageMessage } from '../../src/cli/args';
import { whaleCurve, whalePlotPoints } from '../../src/workbook/whale-curve';
import { whaleSvg, whaleSvgFile } from '../../src/workbook/whale-svg';

const curve = whaleCurve([
  { customer: 'A', netProfit: 300 },
  { customer: 'B', netProfit: 100 },
  { customer: 'C', netProfit: -200 },
]);
const options = { label: 'Whale <curve> & "more"', axisX: 'x', axisY: 'y', formatPercent: (f: number) => `${Math.round(f * 100)}%`, testId: 'whale-curve' };

describe('whaleSvg', () => {
  it('draws one path through the origin and every customer, the peak marked with its share', () => {
    const svg = whaleSvg(whalePlotPoints(curve), options);
    const paths = svg.match(/<path d="([^"]*)"/g) ?? [];
    expect(paths).toHaveLength(1);
    // origin + 3 customers: M and three L's, as the browser test counts them for the sample (251)
    expect((paths[0] ?? '').split('L')).toHaveLength(4);
    expect(svg).toContain('>200%</text>'); // the peak: (300 + 100) / 200
    expect(svg).toContain('<circle cx="');
    expect(svg).toContain('data-testid="whale-curve"');
  });

  it('escapes every text it is given, so the markup can be set as HTML', () => {
    const svg = whaleSvg(whalePlotPoints(curve), { ...options, axisX: '<script>alert(1)</script>' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('aria-label="Whale &lt;curve&gt; &amp; &quot;more&quot;"');
  });

  it('draws nothing with fewer than two points; the file then holds the sentence alone', () => {
    expect(whaleSvg([], options)).toBe('');
    const file = whaleSvgFile(whaleCurve([{ customer: 'A', netProfit: -5 }]), 'en');
    expect(file).toContain('Total customer profit is not positive');
    expect(file).not.toContain('<path');
  });

  it('the file carries the sentence in its language, cut after the semicolon', () => {
    const file = whaleSvgFile(curve, 'nl');
    expect(file).toContain('>De 2 meest winstgevende klanten verdienen 200% van de totale winst;</text>');
    expect(file).toContain('>de laatste klant geeft daarvan 100% weer terug.</text>');
  });
});

describe('--svg', () => {
  it('is parsed once, with a file name', () => {
    expect(parseArgs(['--sample', '--svg', 'out/whale.svg'])).toMatchObject({ kind: 'run', svg: 'out/whale.svg' });
    expect(parseArgs(['--sample', '--svg=w.svg'])).toMatchObject({ kind: 'run', svg: 'w.svg' });
    expect(usageMessage(parseArgs(['--sample', '--svg']))).toBe('--svg needs a file name.');
    expect(usageMessage(parseArgs(['--sample', '--svg', 'a.svg', '--svg', 'b.svg']))).toBe('--svg is given twice.');
    expect(parseArgs(['--sample'])).not.toHaveProperty('svg');
  });
});
