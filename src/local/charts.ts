// Charts as PNG without a browser: the SVG drawn by src/reports is rasterised by resvg (a native binary shipped
// inside its npm package) with DejaVu Sans from the dejavu-fonts-ttf package, which has every Kazakh letter.
import { Resvg } from '@resvg/resvg-js';
import { chartSvg, CHART_FONT, type ChartSpec } from '../reports/charts/svg';
import type { ImageValue } from '../reports/doc-tree';
import { imageValue } from '../reports/model';

const FONT_FILES = [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')];

/** Pixels per CSS pixel: twice the size on screen keeps the text sharp when printed. */
const SCALE = 2;

export interface Raster {
  png: Uint8Array;
  /** RGBA, row by row. */
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** An SVG drawn with the bundled font only: a machine's own fonts never change a chart. */
export function rasterise(svg: string, scale = SCALE): Raster {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
  });
  const image = resvg.render();
  return { png: new Uint8Array(image.asPng()), pixels: new Uint8Array(image.pixels), width: image.width, height: image.height };
}

/** The chart painter of the offline renderer. */
export function paintChart(chart: ChartSpec): ImageValue {
  const { svg, width, height } = chartSvg(chart);
  return imageValue(rasterise(svg).png, { width, height }, 'image/png', chart.title);
}
