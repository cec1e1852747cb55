// Charts of the reports drawn by Google's Charts service from the same chart data the offline side draws as SVG:
// Apps Script has no rasteriser for that SVG (Blob.getAs converts only between bitmap types), and the dashboard's
// Sheets charts show other figures and would need the dashboard up to date and three more calls per chart.
// A chart is drawn when a document takes it, at the size it will have there, so that it goes in with no resizing;
// once per size per execution: the annual report and the school passport share them.
import { chartSvg, type ChartSpec } from '../../reports/charts/svg';
import type { ImageValue } from '../../reports/doc-tree';
import { imageValue } from '../../reports/model';
import type { ChartPainter } from '../../reports/models/school';
import type { ChartsLike, GBlob } from '../google-services';

export class GoogleCharts {
  private readonly specs = new WeakMap<ImageValue, ChartSpec>();
  private readonly images = new Map<string, ImageValue>();
  private readonly drawn = new Map<string, GBlob>();

  constructor(private readonly charts: ChartsLike | undefined) {}

  /**
   * The painter the report models use: a chart as an image of the offline SVG's size (so that both renderers lay it
   * out alike), not drawn yet. Without the Charts service a chart is left out: its paragraph goes, the rest is made.
   */
  readonly paint: ChartPainter = (spec) => {
    if (!this.charts) return null;
    const key = JSON.stringify(spec);
    let image = this.images.get(key);
    if (!image) {
      image = imageValue(new Uint8Array(0), chartSvg(spec), 'image/png', spec.title);
      this.specs.set(image, spec);
      this.images.set(key, image);
    }
    return image;
  };

  /** The picture of a chart this painter made, drawn at `size`; null for any other image. */
  blob(image: ImageValue, size: { width: number; height: number }): GBlob | null {
    const spec = this.specs.get(image);
    if (!spec || !this.charts) return null;
    const key = `${size.width}x${size.height}:${JSON.stringify(spec)}`;
    let blob = this.drawn.get(key);
    if (!blob) {
      blob = draw(this.charts, spec, size.width, size.height);
      this.drawn.set(key, blob);
    }
    return blob;
  }
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
