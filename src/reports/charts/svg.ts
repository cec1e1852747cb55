// Charts as data and as SVG drawn in plain TypeScript: a renderer turns the SVG (or the data itself) into a
// picture; offline it is rasterised to PNG with a bundled font, so Kazakh and Russian labels need no browser.

export interface BarSeries {
  name: string;
  color: string;
}

/** Horizontal bars, one group per row (e.g. last year and this year per category), with a text at each bar. */
export interface GroupedBarChart {
  kind: 'grouped-bars';
  title: string;
  series: BarSeries[];
  rows: { label: string; values: number[]; texts: string[] }[];
}

/** Horizontal bars left or right of zero (changes in %), each with its text ("−40,6 %"). */
export interface ChangeBarChart {
  kind: 'change-bars';
  title: string;
  rows: { label: string; value: number; text: string }[];
  colors: { up: string; down: string };
}

export type ChartSpec = GroupedBarChart | ChangeBarChart;

export interface Svg {
  svg: string;
  /** CSS pixels. */
  width: number;
  height: number;
}

/** The font the SVG asks for; the offline rasteriser loads a bundled copy of it. */
export const CHART_FONT = 'DejaVu Sans';

const WIDTH = 640;
const PAD = 12;
const TITLE_SIZE = 14;
const FONT_SIZE = 11;
const LABEL_WIDTH = 220;
const TEXT_ROOM = 78;
const LINE = 13;
// DejaVu Sans is wide: its average letter is about 0.6 em. Used only to wrap labels, never to clip them.
const CHAR_EM = 0.6;

export function chartSvg(spec: ChartSpec): Svg {
  return spec.kind === 'grouped-bars' ? groupedBars(spec) : changeBars(spec);
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Splits a label into lines that fit `width` pixels, at most `max` lines (the last one shortened with …). */
export function wrap(text: string, width: number, size = FONT_SIZE, max = 3): string[] {
  const perLine = Math.max(4, Math.floor(width / (size * CHAR_EM)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= perLine || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > max) {
    const kept = lines.slice(0, max);
    kept[max - 1] = `${kept[max - 1]!.slice(0, perLine - 1)}…`;
    return kept;
  }
  return lines;
}

function text(x: number, y: number, content: string, attrs: Record<string, string | number> = {}): string {
  const extra = Object.entries(attrs).map(([k, v]) => ` ${k}="${escape(String(v))}"`).join('');
  return `<text x="${round(x)}" y="${round(y)}"${extra}>${escape(content)}</text>`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function frame(width: number, height: number, body: string[]): Svg {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${CHART_FONT}" font-size="${FONT_SIZE}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${body.join('')}</svg>`;
  return { svg, width, height };
}

function labelLines(x: number, yCenter: number, lines: string[]): string {
  const top = yCenter - ((lines.length - 1) * LINE) / 2 + FONT_SIZE * 0.35;
  return lines.map((l, i) => text(x, top + i * LINE, l, { 'text-anchor': 'end', fill: '#222222' })).join('');
}

function groupedBars(spec: GroupedBarChart): Svg {
  const body: string[] = [];
  let y = PAD + TITLE_SIZE;
  body.push(text(WIDTH / 2, y, spec.title, { 'text-anchor': 'middle', 'font-size': TITLE_SIZE, 'font-weight': 'bold' }));
  y += 12;
  // Legend: a swatch and the series' name each, centred.
  const legendWidths = spec.series.map((s) => 18 + s.name.length * FONT_SIZE * CHAR_EM + 16);
  let x = (WIDTH - legendWidths.reduce((a, b) => a + b, 0)) / 2;
  spec.series.forEach((s, i) => {
    body.push(`<rect x="${round(x)}" y="${y}" width="12" height="12" fill="${s.color}"/>`);
    body.push(text(x + 18, y + 10, s.name));
    x += legendWidths[i]!;
  });
  y += 24;

  const barHeight = 12;
  const max = Math.max(1, ...spec.rows.flatMap((r) => r.values));
  const left = PAD + LABEL_WIDTH + 8;
  const room = WIDTH - left - TEXT_ROOM;
  const start = y;
  for (const row of spec.rows) {
    const lines = wrap(row.label, LABEL_WIDTH);
    const groupHeight = Math.max(spec.series.length * (barHeight + 2), lines.length * LINE) + 10;
    const barsTop = y + (groupHeight - 10 - spec.series.length * (barHeight + 2)) / 2;
    body.push(labelLines(PAD + LABEL_WIDTH, y + (groupHeight - 10) / 2, lines));
    row.values.forEach((v, i) => {
      const top = barsTop + i * (barHeight + 2);
      const w = v > 0 ? Math.max(1, (v / max) * room) : 0;
      body.push(`<rect x="${left}" y="${round(top)}" width="${round(w)}" height="${barHeight}" fill="${spec.series[i]?.color ?? '#888888'}"/>`);
      body.push(text(left + w + 4, top + barHeight - 2, row.texts[i] ?? String(v), { fill: '#222222' }));
    });
    y += groupHeight;
  }
  if (spec.rows.length > 0) body.push(`<line x1="${left}" y1="${start - 4}" x2="${left}" y2="${y - 6}" stroke="#555555" stroke-width="1"/>`);
  return frame(WIDTH, Math.ceil(y + PAD), body);
}

function changeBars(spec: ChangeBarChart): Svg {
  const body: string[] = [];
  let y = PAD + TITLE_SIZE;
  body.push(text(WIDTH / 2, y, spec.title, { 'text-anchor': 'middle', 'font-size': TITLE_SIZE, 'font-weight': 'bold' }));
  y += 16;
  const top = y;
  const barHeight = 14;
  const left = PAD + LABEL_WIDTH + 8;
  const right = WIDTH - PAD;
  const negative = spec.rows.some((r) => r.value < 0);
  const positive = spec.rows.some((r) => r.value > 0);
  const max = Math.max(1, ...spec.rows.map((r) => Math.abs(r.value)));
  // Zero sits where the bars on both sides get room for their text; at an edge when all changes share a sign.
  const zero = negative && positive ? (left + right) / 2 : negative ? right - 8 : left;
  const half = negative && positive ? (right - left) / 2 - TEXT_ROOM / 2 - 8 : right - left - TEXT_ROOM - 8;
  for (const row of spec.rows) {
    const lines = wrap(row.label, LABEL_WIDTH);
    const rowHeight = Math.max(barHeight, lines.length * LINE) + 10;
    const center = y + (rowHeight - 10) / 2;
    body.push(labelLines(PAD + LABEL_WIDTH, center, lines));
    const w = Math.max(row.value === 0 ? 0 : 1, (Math.abs(row.value) / max) * half);
    const x = row.value < 0 ? zero - w : zero;
    body.push(`<rect x="${round(x)}" y="${round(center - barHeight / 2)}" width="${round(w)}" height="${barHeight}" fill="${row.value < 0 ? spec.colors.down : spec.colors.up}"/>`);
    const textAt = row.value < 0 ? x - 4 : x + w + 4;
    body.push(text(textAt, center + FONT_SIZE * 0.35, row.text, { 'text-anchor': row.value < 0 ? 'end' : 'start', fill: '#222222', 'font-weight': 'bold' }));
    y += rowHeight;
  }
  body.push(`<line x1="${round(zero)}" y1="${top - 4}" x2="${round(zero)}" y2="${y - 6}" stroke="#555555" stroke-width="1"/>`);
  return frame(WIDTH, Math.ceil(y + PAD), body);
}
