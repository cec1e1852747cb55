// Charts of the reports drawn by Google's Charts service from the same chart data the offline side draws as SVG:
// Apps Script has no rasteriser for that SVG (Blob.getAs converts only between bitmap types), and the dashboard's
// Sheets charts show other figures and would need the dashboard up to date and three more calls per chart.
// One render per chart per execution: the annual report and the school passport share them.
import { chartSvg, type ChartSpec } from '../../reports/charts/svg';
import type { ImageValue } from '../../reports/doc-tree';
import { imageValue } from '../../reports/model';
import type { ChartPainter } from '../../reports/models/school';
import type { ChartsLike, GBlob } from '../google-services';

/**
 * A painter over the Charts service. The Blob each image came from is kept in `blobs`, so the renderer inserts it
 * as it is instead of making a new one from the bytes.
 */
export function googleChartPainter(charts: ChartsLike | undefined, blobs: WeakMap<ImageValue, GBlob>): ChartPainter {
  const drawn = new Map<string, ImageValue>();
  return (spec) => {
    // Without the Charts service a chart is left out: its paragraph goes, the rest of the report is made.
    if (!charts) return null;
    const key = JSON.stringify(spec);
    const known = drawn.get(key);
    if (known) return known;
    // The offline SVG's size, so that both renderers lay the chart out alike.
    const { width, height } = chartSvg(spec);
    const blob = draw(charts, spec, width, height);
    const image = imageValue(Uint8Array.from(blob.getBytes(), (b) => b & 255), { width, height }, 'image/png', spec.title);
    blobs.set(image, blob);
    drawn.set(key, image);
    return image;
  };
}

function draw(charts: ChartsLike, spec: ChartSpec, width: number, height: number): GBlob {
  const table = charts.newDataTable().addColumn(charts.ColumnType.STRING, '');
  const builder = charts.newBarChart().setTitle(spec.title).setDimensions(width, height);
  if (spec.kind === 'grouped-bars') {
    for (const s of spec.series) table.addColumn(charts.ColumnType.NUMBER, s.name);
    for (const row of spec.rows) table.addRow([row.label, ...row.values]);
    builder.setColors(spec.series.map((s) => s.color)).setLegendPosition(charts.Position.BOTTOM);
  } else {
    // Growth and decline as two stacked series, so each bar takes its colour.
    table.addColumn(charts.ColumnType.NUMBER, '+').addColumn(charts.ColumnType.NUMBER, '−');
    for (const row of spec.rows) table.addRow([row.label, row.value >= 0 ? row.value : 0, row.value < 0 ? row.value : 0]);
    builder.setColors([spec.colors.up, spec.colors.down]).setStacked().setLegendPosition(charts.Position.NONE);
  }
  return builder.setDataTable(table.build()).build().getAs('image/png');
}
