// The REST schema of Google's APIs as the fakes check requests and field masks against it: message types and
// their fields read from googleapis' own declaration files (the official discovery documents, generated), plus
// the enums those files only call `string`, listed here from Google's reference for the fields Qamqor touches.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A field of a message: a scalar, another message, or a map; `repeated` for lists. */
export interface FieldType {
  kind: 'string' | 'number' | 'boolean' | 'message' | 'any';
  message?: string;
  repeated: boolean;
}

export type Schema = Map<string, Map<string, FieldType>>;

const cache = new Map<string, Schema>();

/** The message types of one API (`sheets/v4`, `drive/v3`, `docs/v1`), by name without the `Schema$` prefix. */
export function apiSchema(api: 'sheets/v4' | 'drive/v3' | 'docs/v1'): Schema {
  let schema = cache.get(api);
  if (!schema) {
    const root = dirname(require.resolve('googleapis/package.json'));
    schema = parseDeclarations(readFileSync(join(root, 'build/src/apis', `${api}.d.ts`), 'utf8'));
    cache.set(api, schema);
  }
  return schema;
}

function parseDeclarations(text: string): Schema {
  const schema: Schema = new Map();
  const block = /export interface Schema\$(\w+) \{([\s\S]*?)\n {4}\}/g;
  for (let m = block.exec(text); m; m = block.exec(text)) {
    const fields = new Map<string, FieldType>();
    // A field is one line, or an inline object type opening a block ("appProperties?: {"): a map, any keys.
    const field = /^ {8}(\w+)\?: (.+?);?$/gm;
    for (let f = field.exec(m[2]!); f; f = field.exec(m[2]!)) fields.set(f[1]!, f[2]!.endsWith('{') ? { kind: 'any', repeated: false } : typeOf(f[2]!));
    schema.set(m[1]!, fields);
  }
  return schema;
}

function typeOf(decl: string): FieldType {
  const t = decl.replace(/ \| null$/, '');
  const repeated = t.endsWith('[]');
  const base = repeated ? t.slice(0, -2) : t;
  const message = /^Schema\$(\w+)$/.exec(base);
  if (message) return { kind: 'message', message: message[1], repeated };
  if (base === 'string' || base === 'number' || base === 'boolean') return { kind: base, repeated };
  return { kind: 'any', repeated };
}

/**
 * Enums, by "Message.field": the values Google accepts and the enum's full name as its parse error gives it. The
 * declaration files type them as plain strings; these lists are the REST reference's.
 */
const SHEETS = 'type.googleapis.com/google.apps.sheets.v4.';
const DOCS = 'type.googleapis.com/google.apps.docs.v1.';
const CHART_TYPES = ['BASIC_CHART_TYPE_UNSPECIFIED', 'BAR', 'LINE', 'AREA', 'COLUMN', 'SCATTER', 'COMBO', 'STEPPED_AREA'];
const AXIS_POSITIONS = ['BASIC_CHART_AXIS_POSITION_UNSPECIFIED', 'BOTTOM_AXIS', 'LEFT_AXIS', 'RIGHT_AXIS'];
const DIMENSIONS = ['DIMENSION_UNSPECIFIED', 'ROWS', 'COLUMNS'];
export const CONDITION_TYPES = [
  'CONDITION_TYPE_UNSPECIFIED', 'NUMBER_GREATER', 'NUMBER_GREATER_THAN_EQ', 'NUMBER_LESS', 'NUMBER_LESS_THAN_EQ', 'NUMBER_EQ', 'NUMBER_NOT_EQ',
  'NUMBER_BETWEEN', 'NUMBER_NOT_BETWEEN', 'TEXT_CONTAINS', 'TEXT_NOT_CONTAINS', 'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH', 'TEXT_EQ', 'TEXT_IS_EMAIL',
  'TEXT_IS_URL', 'DATE_EQ', 'DATE_BEFORE', 'DATE_AFTER', 'DATE_ON_OR_BEFORE', 'DATE_ON_OR_AFTER', 'DATE_BETWEEN', 'DATE_NOT_BETWEEN', 'DATE_IS_VALID',
  'ONE_OF_RANGE', 'ONE_OF_LIST', 'BLANK', 'NOT_BLANK', 'CUSTOM_FORMULA', 'BOOLEAN', 'TEXT_NOT_EQ', 'DATE_NOT_EQ', 'FILTER_EXPRESSION',
];

export const ENUMS: Record<string, { name: string; values: readonly string[] }> = {
  'BasicChartSpec.chartType': { name: `${SHEETS}BasicChartType`, values: CHART_TYPES },
  'BasicChartSeries.type': { name: `${SHEETS}BasicChartType`, values: CHART_TYPES },
  'BasicChartSpec.legendPosition': {
    name: `${SHEETS}BasicChartLegendPosition`,
    values: ['BASIC_CHART_LEGEND_POSITION_UNSPECIFIED', 'BOTTOM_LEGEND', 'LEFT_LEGEND', 'RIGHT_LEGEND', 'TOP_LEGEND', 'NO_LEGEND'],
  },
  'BasicChartSpec.stackedType': { name: `${SHEETS}BasicChartStackedType`, values: ['BASIC_CHART_STACKED_TYPE_UNSPECIFIED', 'NOT_STACKED', 'STACKED', 'PERCENT_STACKED'] },
  'BasicChartSpec.compareMode': { name: `${SHEETS}BasicChartCompareMode`, values: ['BASIC_CHART_COMPARE_MODE_UNSPECIFIED', 'DATUM', 'CATEGORY'] },
  'BasicChartSeries.targetAxis': { name: `${SHEETS}BasicChartAxisPosition`, values: AXIS_POSITIONS },
  'BasicChartAxis.position': { name: `${SHEETS}BasicChartAxisPosition`, values: AXIS_POSITIONS },
  'BooleanCondition.type': { name: `${SHEETS}ConditionType`, values: CONDITION_TYPES },
  'NumberFormat.type': { name: `${SHEETS}NumberFormatType`, values: ['NUMBER_FORMAT_TYPE_UNSPECIFIED', 'TEXT', 'NUMBER', 'PERCENT', 'CURRENCY', 'DATE', 'TIME', 'DATE_TIME', 'SCIENTIFIC'] },
  'DeveloperMetadata.visibility': { name: `${SHEETS}DeveloperMetadata.DeveloperMetadataVisibility`, values: ['DEVELOPER_METADATA_VISIBILITY_UNSPECIFIED', 'DOCUMENT', 'PROJECT'] },
  'DeveloperMetadataLocation.locationType': {
    name: `${SHEETS}DeveloperMetadataLocationType`,
    values: ['DEVELOPER_METADATA_LOCATION_TYPE_UNSPECIFIED', 'ROW', 'COLUMN', 'SHEET', 'SPREADSHEET'],
  },
  'DeveloperMetadataLookup.locationMatchingStrategy': {
    name: `${SHEETS}DeveloperMetadataLookup.DeveloperMetadataLocationMatchingStrategy`,
    values: ['DEVELOPER_METADATA_LOCATION_MATCHING_STRATEGY_UNSPECIFIED', 'EXACT_LOCATION', 'INTERSECTING_LOCATION'],
  },
  'DeveloperMetadataLookup.visibility': { name: `${SHEETS}DeveloperMetadata.DeveloperMetadataVisibility`, values: ['DEVELOPER_METADATA_VISIBILITY_UNSPECIFIED', 'DOCUMENT', 'PROJECT'] },
  'AppendDimensionRequest.dimension': { name: `${SHEETS}Dimension`, values: DIMENSIONS },
  'DimensionRange.dimension': { name: `${SHEETS}Dimension`, values: DIMENSIONS },
  'CellFormat.wrapStrategy': { name: `${SHEETS}CellFormat.WrapStrategy`, values: ['WRAP_STRATEGY_UNSPECIFIED', 'OVERFLOW_CELL', 'LEGACY_WRAP', 'CLIP', 'WRAP'] },
  'CellFormat.horizontalAlignment': { name: `${SHEETS}CellFormat.HorizontalAlign`, values: ['HORIZONTAL_ALIGN_UNSPECIFIED', 'LEFT', 'CENTER', 'RIGHT'] },
  'CellFormat.verticalAlignment': { name: `${SHEETS}CellFormat.VerticalAlign`, values: ['VERTICAL_ALIGN_UNSPECIFIED', 'TOP', 'MIDDLE', 'BOTTOM'] },
  'CellFormat.hyperlinkDisplayType': { name: `${SHEETS}CellFormat.HyperlinkDisplayType`, values: ['HYPERLINK_DISPLAY_TYPE_UNSPECIFIED', 'LINKED', 'PLAIN_TEXT'] },
  'SheetProperties.sheetType': { name: `${SHEETS}SheetType`, values: ['SHEET_TYPE_UNSPECIFIED', 'GRID', 'OBJECT', 'DATA_SOURCE'] },
  'ParagraphStyle.namedStyleType': {
    name: `${DOCS}ParagraphStyle.NamedStyleType`,
    values: ['NAMED_STYLE_TYPE_UNSPECIFIED', 'NORMAL_TEXT', 'TITLE', 'SUBTITLE', 'HEADING_1', 'HEADING_2', 'HEADING_3', 'HEADING_4', 'HEADING_5', 'HEADING_6'],
  },
  'ParagraphStyle.alignment': { name: `${DOCS}ParagraphStyle.Alignment`, values: ['ALIGNMENT_UNSPECIFIED', 'START', 'CENTER', 'END', 'JUSTIFIED'] },
  'ParagraphStyle.direction': { name: `${DOCS}ContentDirection`, values: ['CONTENT_DIRECTION_UNSPECIFIED', 'LEFT_TO_RIGHT', 'RIGHT_TO_LEFT'] },
  'TableCellStyle.contentAlignment': { name: `${DOCS}ContentAlignment`, values: ['CONTENT_ALIGNMENT_UNSPECIFIED', 'CONTENT_ALIGNMENT_UNSUPPORTED', 'TOP', 'MIDDLE', 'BOTTOM'] },
  'Dimension.unit': { name: `${DOCS}Unit`, values: ['UNIT_UNSPECIFIED', 'PT'] },
  'ErrorValue.type': { name: `${SHEETS}ErrorValue.ErrorType`, values: ['ERROR_TYPE_UNSPECIFIED', 'ERROR', 'NULL_VALUE', 'DIVIDE_BY_ZERO', 'VALUE', 'REF', 'NAME', 'NUM', 'N_A', 'LOADING'] },
};

/**
 * Integer fields are int32 on the wire (ids, indexes, counts, sizes in pixels); a value out of range or not whole
 * fails to parse. The declaration files say only `number`, so they are told apart by name.
 */
export function isInt32Field(message: string, field: string): boolean {
  if (message === 'Color' || message === 'ExtendedValue' || message === 'ColorStyle') return false;
  return /(Id|Index|Count|Pixels|Row|Column)$/.test(field) || ['length', 'headerCount', 'sheetId', 'metadataId', 'index', 'rowSpan', 'columnSpan', 'nestingLevel'].includes(field);
}

/** "addChart" → "add_chart": the parse errors name fields as the protocol buffers spell them. */
export function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The error a request that does not parse gets, before anything of the batch is looked at. */
export class ParseError extends Error {}

/**
 * Walks a request body against the schema as Google's JSON parser does: an unknown field, a value of the wrong
 * kind, an enum value that does not exist or an int32 out of range fails the whole call, with Google's wording.
 */
export function checkMessage(schema: Schema, message: string, value: unknown, path: string): void {
  const fields = schema.get(message);
  if (!fields) return;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ParseError(`Invalid value at '${path}' (type.googleapis.com/google.apps.sheets.v4.${message}), ${JSON.stringify(value)}`);
  }
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    const type = fields.get(name);
    if (!type) throw new ParseError(`Invalid JSON payload received. Unknown name "${name}"${path ? ` at '${path}'` : ''}: Cannot find field.`);
    const at = path ? `${path}.${snake(name)}` : snake(name);
    if (v === null) continue;
    if (type.repeated) {
      if (!Array.isArray(v)) throw new ParseError(`Invalid value at '${at}', ${JSON.stringify(v)}: Proto field is not repeating, cannot start list.`);
      v.forEach((item, i) => checkValue(schema, message, name, type, item, `${at}[${i}]`));
    } else checkValue(schema, message, name, type, v, at);
  }
}

function checkValue(schema: Schema, message: string, name: string, type: FieldType, v: unknown, at: string): void {
  switch (type.kind) {
    case 'message':
      checkMessage(schema, type.message!, v, at);
      return;
    case 'string': {
      if (typeof v !== 'string') throw new ParseError(`Invalid value at '${at}' (TYPE_STRING), ${JSON.stringify(v)}`);
      const e = ENUMS[`${message}.${name}`];
      if (e && !e.values.includes(v)) throw new ParseError(`Invalid value at '${at}' (${e.name}), ${JSON.stringify(v)}`);
      return;
    }
    case 'number': {
      const int = isInt32Field(message, name);
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw new ParseError(`Invalid value at '${at}' (${int ? 'TYPE_INT32' : 'TYPE_DOUBLE'}), ${JSON.stringify(v)}`);
      if (int && (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 31)) throw new ParseError(`Invalid value at '${at}' (TYPE_INT32), ${JSON.stringify(v)}`);
      return;
    }
    case 'boolean':
      if (typeof v !== 'boolean') throw new ParseError(`Invalid value at '${at}' (TYPE_BOOL), ${JSON.stringify(v)}`);
      return;
    default:
      return;
  }
}

/** The schema type a dotted path of fields leads to from a message, or null when a name is not a field. */
export function fieldAt(schema: Schema, message: string, path: readonly string[]): FieldType | null {
  let current: FieldType = { kind: 'message', message, repeated: false };
  for (const name of path) {
    if (current.kind !== 'message') return current.kind === 'any' ? current : null;
    const next = schema.get(current.message!)?.get(name);
    if (!next) return null;
    current = next;
  }
  return current;
}
