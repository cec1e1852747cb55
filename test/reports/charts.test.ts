// Charts without a browser: SVG drawn in TypeScript, rasterised to PNG with the bundled DejaVu Sans, so Kazakh
// and Russian labels render on a machine with no fonts at all.
import { paintChart, rasterise } from '../../src/local/charts';
import { chartSvg, wrap, type ChartSpec } from '../../src/reports/charts/svg';

const bars: ChartSpec = {
  kind: 'grouped-bars',
  title: 'Санаттар & <категории>',
  series: [{ name: '2024-2025', color: '#9AA5B1' }, { name: '2025-2026', color: '#2B6CB0' }],
  rows: [
    { label: 'Ата-анасының қамқорлығынсыз қалған', values: [3, 0], texts: ['3/1', '0/0'] },
    { label: 'Көпбалалы отбасы', values: [165, 133], texts: ['165/74', '133/60'] },
  ],
};
const changes: ChartSpec = {
  kind: 'change-bars',
  title: 'Өзгеріс, %',
  rows: [{ label: 'Жетім', value: -40.6, text: '−40,6 %' }, { label: 'Көпбалалы', value: 66, text: '+66 %' }],
  colors: { up: '#2B6CB0', down: '#DD6B20' },
};

function darkPixels(svgText: string): number {
  const { pixels } = rasterise(
    `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40"><rect width="300" height="40" fill="#fff"/>` +
      `<text x="4" y="28" font-family="DejaVu Sans" font-size="20">${svgText}</text></svg>`,
    1,
  );
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) n++;
  return n;
}

describe('charts', () => {
  it('are SVG with every label escaped', () => {
    const { svg, width, height } = chartSvg(bars);
    expect(svg).toContain('Санаттар &#38; &#60;категории&#62;');
    expect(svg).not.toContain('<категории>');
    expect(width).toBe(640);
    expect(height).toBeGreaterThan(100);
    expect(chartSvg(changes).svg).toContain('−40,6 %');
  });

  it('wrap long labels into lines that fit', () => {
    const label = 'Ерекше білім беру қажеттілігі бар (ЕБҚ)';
    const lines = wrap(label, 120);
    expect(lines.join(' ')).toBe(label);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(Math.floor(120 / (11 * 0.6)));
    expect(wrap('Жетім', 220)).toEqual(['Жетім']);
    expect(wrap('a b c d e f g h i j k l m n o p', 30, 11, 2)).toHaveLength(2);
  });

  it('become a PNG twice the size on screen, for print', () => {
    const image = paintChart(bars);
    expect(Buffer.from(image.bytes.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    expect(image.contentType).toBe('image/png');
    expect(image.width).toBe(640);
    const png = Buffer.from(image.bytes);
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(image.alt).toBe(bars.title);
  });

  it('draw Kazakh letters with the bundled font', () => {
    expect(darkPixels('ӘҒҚҢӨҰҮҺІ әғқңөұүһі')).toBeGreaterThan(300);
    // Each Kazakh letter differs from its Russian neighbour: a missing glyph would draw both alike (or nothing).
    expect(darkPixels('Қ')).not.toBe(darkPixels('К'));
    expect(darkPixels('Ұ')).not.toBe(darkPixels('У'));
  });
});
