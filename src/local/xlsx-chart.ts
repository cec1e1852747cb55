// A real Excel chart (DrawingML) added to an .xlsx that Qamqor wrote: a drawing part anchored on a sheet and a bar
// chart part whose series refer to the sheet's cells, so Excel and LibreOffice draw it and redraw it when edited.
import type { Lang } from '../domain/template';
import { columnLetters, escapeAttr, escapeText, putElement } from './xlsx/xml';
import { XlsxPackage } from './xlsx/package';
import { ZipReader, writeZip, type ZipPart } from './xlsx/zip';
import type { ChartCells } from '../domain/district/workbook';

const NS = {
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
/** The same greys and blue as the report's charts: last year, then this year. */
const COLORS = ['9AA5B1', '2B6CB0'];
/** The worksheet children that come after `<drawing>` in the schema's order. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function range(sheet: string, col: number, first: number, last: number): string {
  const c = columnLetters(col + 1);
  return `'${sheet.replace(/'/g, "''")}'!$${c}$${first + 1}:$${c}$${last + 1}`;
}

function chartXml(chart: ChartCells, lang: string): string {
  const count = chart.labels.length;
  const cat = `<c:cat><c:strRef><c:f>${escapeText(range(chart.sheetTitle, chart.labelCol, chart.firstRow, chart.lastRow))}</c:f><c:strCache><c:ptCount val="${count}"/>${chart.labels
    .map((l, i) => `<c:pt idx="${i}"><c:v>${escapeText(l)}</c:v></c:pt>`)
    .join('')}</c:strCache></c:strRef></c:cat>`;
  const colors = chart.series.length === 1 ? [COLORS[1]!] : COLORS;
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${colors[i % colors.length]}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
        cat +
        `<c:val><c:numRef><c:f>${escapeText(range(chart.sheetTitle, s.col, chart.firstRow, chart.lastRow))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${count}"/>${s.values
          .map((v, j) => `<c:pt idx="${j}"><c:v>${v}</c:v></c:pt>`)
          .join('')}</c:numCache></c:numRef></c:val></c:ser>`,
    )
    .join('');
  const text = (size: number, bold: boolean) => `<a:defRPr sz="${size}" b="${bold ? 1 : 0}"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">` +
    `<c:lang val="${escapeAttr(lang)}"/><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${text(1200, true)}</a:pPr><a:r><a:rPr lang="${escapeAttr(lang)}" sz="1200" b="1"/><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="50"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    // Categories top to bottom in the table's order; the value axis then sits at the bottom (crosses at the last one).
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${text(900, false)}</a:pPr><a:endParaRPr lang="${escapeAttr(lang)}"/></a:p></c:txPr><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(chart: ChartCells): string {
  const { row, col } = chart.anchor;
  // About one row per category and a little room for the title and legend; ten columns wide.
  const height = Math.max(18, Math.round(chart.labels.length * chart.series.length * 0.9) + 6);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">` +
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${col + 10}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + height}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeAttr(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.rel}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
    `<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/** Adds the chart to the sheet `chart.sheetTitle` of an .xlsx that has no drawing on that sheet yet. */
export function addBarChart(xlsx: Buffer, chart: ChartCells, lang: Lang): Buffer {
  const zip = new ZipReader(xlsx);
  const pkg = XlsxPackage.open(xlsx);
  const sheet = pkg.sheets.find((s) => s.name === chart.sheetTitle && s.part);
  if (!sheet?.part) throw new Error(`no sheet "${chart.sheetTitle}" to put the chart on`);
  const sheetPart = sheet.part;
  const relsPart = sheetPart.replace(/([^/]+)$/, '_rels/$1.rels');
  const drawingPart = 'xl/drawings/drawing1.xml';
  const chartPart = 'xl/charts/chart1.xml';
  if (zip.has(drawingPart) || zip.has(chartPart)) throw new Error('the workbook already has a drawing');

  const existingRels = zip.text(relsPart);
  const rid = `rIdQamqorChart`;
  const rel = `<Relationship Id="${rid}" Type="${NS.rel}/drawing" Target="../drawings/drawing1.xml"/>`;
  const rels = existingRels
    ? existingRels.replace('</Relationships>', `${rel}</Relationships>`)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">${rel}</Relationships>`;
  let sheetXml = zip.text(sheetPart) ?? '';
  if (!/xmlns:r=/.test(sheetXml.slice(0, sheetXml.indexOf('>', sheetXml.indexOf('<worksheet'))))) {
    sheetXml = sheetXml.replace('<worksheet', `<worksheet xmlns:r="${NS.rel}"`);
  }
  sheetXml = putElement(sheetXml, 'drawing', `<drawing r:id="${rid}"/>`, AFTER_DRAWING, '</worksheet>');
  const types = (zip.text('[Content_Types].xml') ?? '').replace(
    '</Types>',
    `<Override PartName="/${drawingPart}" ContentType="${CT_DRAWING}"/><Override PartName="/${chartPart}" ContentType="${CT_CHART}"/></Types>`,
  );
  const replaced: Record<string, string> = {
    '[Content_Types].xml': types,
    [sheetPart]: sheetXml,
    [relsPart]: rels,
    [drawingPart]: drawingXml(chart),
    'xl/drawings/_rels/drawing1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${NS.rel}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    [chartPart]: chartXml(chart, lang === 'kk' ? 'kk-KZ' : 'ru-RU'),
  };
  const parts: ZipPart[] = [];
  for (const [name, entry] of zip.entries) {
    if (name in replaced) parts.push({ name, data: Buffer.from(replaced[name]!, 'utf8') });
    else parts.push({ name, copy: entry, from: zip });
  }
  for (const [name, text] of Object.entries(replaced)) if (!zip.has(name)) parts.push({ name, data: Buffer.from(text, 'utf8') });
  return Buffer.concat(writeZip(parts));
}
