// The fake's Spreadsheets.batchUpdate, one request at a time: what each request does to the sheets, and what Google
// refuses — with Google's wording where it is known (parse errors, protections, condition values, warning-only
// editors), in its manner where not — including a write to a range the calling user may not edit.
import type {
  DataValidationRule, DeveloperMetadata, EmbeddedChart, ExtendedValue, GridRange, NumberFormat, ProtectedRange, RowData, SheetsRequest,
  TextFormatRun,
} from '../../src/apps-script/sheets-api';
import { apiSchema, fieldAt } from './google-schema';
import { at, key, type Area, type FakeCell, type FakeRun, type FakeSheet, type FormatField, type FormatLayer } from './sheets-cells';

/** What the requests work on: the spreadsheet's sheets, who owns it, who calls, and the ids Google gives out. */
export interface SheetsModel {
  sheets: FakeSheet[];
  owner: string | null;
  user: string;
  timeZone: string;
  locale: string;
  title: string;
  /** Addresses Google refuses as editors (an account it does not know, a domain that forbids sharing). */
  rejectedEditors: Set<string>;
  newSheetId(): number;
  newProtectedId(): number;
  newChartId(): number;
  newMetadataId(): number;
}

export const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Google's limit on a spreadsheet's cells. */
const CELL_LIMIT = 10_000_000;

export class RequestError extends Error {}

/** Whether the calling user may edit within a protection: the owner always, its editors, anyone under a warning. */
export function canEdit(model: Pick<SheetsModel, 'owner' | 'user'>, p: ProtectedRange): boolean {
  if (model.owner !== null && model.user.toLowerCase() === model.owner.toLowerCase()) return true;
  if (p.warningOnly) return true;
  return (p.editors?.users ?? []).some((u) => u.toLowerCase() === model.user.toLowerCase());
}

function areaOf(range: GridRange, sheet: FakeSheet): Area {
  return { top: range.startRowIndex ?? 0, bottom: range.endRowIndex ?? sheet.rowCount, left: range.startColumnIndex ?? 0, right: range.endColumnIndex ?? sheet.colCount };
}

const overlaps = (a: Area, b: Area) => a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;

/** Bounded by neither rows nor columns: the whole sheet is protected, its structure included. */
const wholeSheet = (p: ProtectedRange) => p.range.startRowIndex == null && p.range.endRowIndex == null && p.range.startColumnIndex == null && p.range.endColumnIndex == null;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const SUPPORTED_CELL_FIELDS = new Set([
  'userEnteredValue', 'userEnteredFormat.numberFormat', 'userEnteredFormat.backgroundColor', 'userEnteredFormat.textFormat.bold',
  'userEnteredFormat.wrapStrategy', 'note', 'textFormatRuns',
]);

const FORMAT_FIELD: Record<string, FormatField> = {
  'userEnteredFormat.numberFormat': 'format',
  'userEnteredFormat.backgroundColor': 'background',
  'userEnteredFormat.textFormat.bold': 'bold',
  'userEnteredFormat.wrapStrategy': 'wrap',
};

/** How many ConditionValues each condition type takes: [min, max]. */
function valuesTaken(type: string): [number, number] {
  if (['BLANK', 'NOT_BLANK', 'TEXT_IS_EMAIL', 'TEXT_IS_URL', 'DATE_IS_VALID'].includes(type)) return [0, 0];
  if (type === 'BOOLEAN') return [0, 2];
  if (['NUMBER_BETWEEN', 'NUMBER_NOT_BETWEEN', 'DATE_BETWEEN', 'DATE_NOT_BETWEEN'].includes(type)) return [2, 2];
  if (type === 'ONE_OF_LIST') return [1, 500];
  return [1, 1];
}

/** A chart type's axes for its series: a bar chart's values run along the bottom, the others' up the side. */
function seriesAxes(chartType: string): string[] {
  return chartType === 'BAR' ? ['BOTTOM_AXIS'] : ['LEFT_AXIS', 'RIGHT_AXIS'];
}

export function applyRequest(model: SheetsModel, request: SheetsRequest, i: number): unknown {
  const kinds = Object.keys(request).filter((k) => (request as Record<string, unknown>)[k] != null);
  if (kinds.length === 0) throw new RequestError(`Invalid requests[${i}]: No request set.`);
  if (kinds.length > 1) throw new RequestError(`Invalid value at 'requests[${i}]' (oneof), oneof field 'kind' is already set. Cannot set '${kinds[1]}'`);
  const kind = kinds[0]!;
  const fail = (message: string): never => {
    throw new RequestError(`Invalid requests[${i}].${kind}: ${message}`);
  };
  const sheetOf = (sheetId: number | null | undefined): FakeSheet => model.sheets.find((s) => s.sheetId === (sheetId ?? 0)) ?? fail(`No grid with id: ${sheetId ?? 0}`);
  /** A write over `area` of `sheet`: refused whole when a protection the user may not edit covers any of it. */
  const guard = (sheet: FakeSheet, area: Area | 'structure' | 'any') => {
    for (const p of sheet.protectedRanges) {
      if (canEdit(model, p)) continue;
      if (area === 'any' || (area === 'structure' ? wholeSheet(p) : overlaps(areaOf(p.range, sheet), area))) fail(PROTECTED);
    }
  };
  const checkTitle = (title: unknown, self?: FakeSheet) => {
    if (typeof title !== 'string' || title.trim() === '') fail('Sheet name cannot be empty.');
    if (model.sheets.some((s) => s !== self && s.title.toLowerCase() === (title as string).toLowerCase())) fail(`A sheet with the name "${title}" already exists. Please enter another name.`);
  };
  const checkEditors = (editors: { users?: string[] | null; groups?: string[] | null } | undefined | null) => {
    for (const e of [...(editors?.users ?? []), ...(editors?.groups ?? [])]) {
      if (!EMAIL.test(e) || model.rejectedEditors.has(e.toLowerCase())) fail(`Invalid email: ${e}`);
    }
  };
  const checkCells = () => {
    const total = model.sheets.reduce((n, s) => n + s.rowCount * s.colCount, 0);
    if (total > CELL_LIMIT) fail(`This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`);
  };
  const r = request as Record<string, any>;
  switch (kind) {
    case 'addSheet': {
      const p = r.addSheet.properties ?? {};
      checkTitle(p.title);
      if (p.sheetId != null && p.sheetId < 0) fail(`Invalid sheetId: ${p.sheetId}. A sheet id must be a non-negative number.`);
      if (p.sheetId != null && model.sheets.some((s) => s.sheetId === p.sheetId)) fail(`A sheet with id ${p.sheetId} already exists.`);
      const sheetId: number = p.sheetId ?? model.newSheetId();
      const sheet = newSheet(sheetId, p.title, p.gridProperties?.rowCount ?? 1000, p.gridProperties?.columnCount ?? 26);
      model.sheets.push(sheet);
      checkCells();
      return { addSheet: { properties: { sheetId, title: p.title, index: model.sheets.length - 1, sheetType: 'GRID', gridProperties: { rowCount: sheet.rowCount, columnCount: sheet.colCount } } } };
    }
    case 'deleteSheet': {
      const sheet = sheetOf(r.deleteSheet.sheetId);
      guard(sheet, 'any');
      if (model.sheets.length === 1) fail("You can't remove all the sheets in a document.");
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      return {};
    }
    case 'updateSheetProperties': {
      const { properties: p, fields } = r.updateSheetProperties;
      const sheet = sheetOf(p?.sheetId);
      guard(sheet, 'structure');
      for (const field of fieldPaths(fields, 'SheetProperties', fail)) {
        if (field === 'title') {
          checkTitle(p.title, sheet);
          sheet.title = p.title;
        } else if (field === 'gridProperties.frozenRowCount') {
          const n = p.gridProperties?.frozenRowCount ?? 0;
          if (n >= sheet.rowCount) fail(`You can't freeze all visible rows on the sheet.`);
          sheet.frozenRowCount = n;
        } else fail(`unsupported field "${field}" (the fake implements only what Qamqor uses)`);
      }
      return {};
    }
    case 'updateSpreadsheetProperties': {
      const { properties, fields } = r.updateSpreadsheetProperties;
      for (const field of fieldPaths(fields, 'SpreadsheetProperties', fail)) {
        if (field === 'timeZone') model.timeZone = properties.timeZone;
        else if (field === 'locale') model.locale = properties.locale;
        else if (field === 'title') model.title = properties.title;
        else fail(`unsupported field "${field}" (the fake implements only what Qamqor uses)`);
      }
      return {};
    }
    case 'appendDimension': {
      const { sheetId, dimension, length } = r.appendDimension;
      const sheet = sheetOf(sheetId);
      if (dimension !== 'ROWS' && dimension !== 'COLUMNS') fail('dimension must be ROWS or COLUMNS.');
      if (!Number.isInteger(length) || length < 1) fail('length must be at least 1');
      guard(sheet, 'structure');
      if (dimension === 'ROWS') sheet.rowCount += length;
      else sheet.colCount += length;
      checkCells();
      return {};
    }
    case 'updateCells': {
      const { rows = [], fields, start, range } = r.updateCells as { rows?: RowData[]; fields: string; start?: { sheetId?: number; rowIndex?: number; columnIndex?: number }; range?: GridRange };
      const list = cellFields(fields, fail);
      if (!!start === !!range) fail('Exactly one of start or range must be set.');
      const sheet = sheetOf(start ? start.sheetId : range!.sheetId);
      const top = start ? start.rowIndex ?? 0 : range!.startRowIndex ?? 0;
      const left = start ? start.columnIndex ?? 0 : range!.startColumnIndex ?? 0;
      const width = Math.max(0, ...rows.map((row) => row.values?.length ?? 0));
      const area: Area = range ? areaOf(range, sheet) : { top, bottom: top + rows.length, left, right: left + width };
      guard(sheet, area);
      if (range) clearArea(sheet, area, list);
      rows.forEach((row, ri) =>
        (row.values ?? []).forEach((data, j) => {
          const rr = top + ri;
          const cc = left + j;
          const path = `requests[${i}].update_cells.rows[${ri}].values[${j}]`;
          if (range && (rr >= area.bottom || cc >= area.right)) fail(`The rows exceed the range: ${a1(rr, cc)} is outside it.`);
          if (rr >= sheet.rowCount || cc >= sheet.colCount) {
            fail(`Range ('${sheet.title}'!${a1(rr, cc)}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.colCount}`);
          }
          const k = key(rr, cc);
          setFields(sheet, k, sheet.cells.get(k) ?? {}, data, list, fail, path);
        }),
      );
      return {};
    }
    case 'repeatCell': {
      const { range, cell = {}, fields } = r.repeatCell as { range: GridRange; cell?: Record<string, any>; fields: string };
      const sheet = sheetOf(range.sheetId);
      const list = cellFields(fields, fail);
      const area = areaOf(range, sheet);
      if (area.top >= sheet.rowCount || area.left >= sheet.colCount) {
        fail(`Range ('${sheet.title}'!${a1(area.top, area.left)}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.colCount}`);
      }
      guard(sheet, area);
      const clamped: Area = { top: area.top, bottom: Math.min(area.bottom, sheet.rowCount), left: area.left, right: Math.min(area.right, sheet.colCount) };
      for (const field of list) {
        const f = FORMAT_FIELD[field];
        if (!f) fail(`unsupported field "${field}" in repeatCell (the fake repeats formats only, as Qamqor does)`);
        const value = formatValue(cell, f!);
        if (f === 'format' && value) checkNumberFormat(value as NumberFormat, fail);
        layer(sheet, clamped, f!, value ?? null);
      }
      return {};
    }
    case 'setDataValidation': {
      const { range, rule } = r.setDataValidation as { range: GridRange; rule?: DataValidationRule };
      const sheet = sheetOf(range.sheetId);
      guard(sheet, areaOf(range, sheet));
      if (rule) {
        const type = rule.condition?.type ?? 'CONDITION_TYPE_UNSPECIFIED';
        if (type === 'CONDITION_TYPE_UNSPECIFIED') fail('A condition type must be set.');
        const n = (rule.condition.values ?? []).length;
        const [min, max] = valuesTaken(type);
        if (n < min || n > max) {
          const wanted = min === max ? (min === 0 ? 'no ConditionValues' : min === 1 ? 'exactly one ConditionValue' : `exactly ${min === 2 ? 'two' : min} ConditionValues`) : min === 1 ? 'at least one ConditionValue' : `at most ${max} ConditionValues`;
          fail(`ConditionType '${type}' requires ${wanted}, but ${n} values were supplied.`);
        }
      }
      // A new rule replaces the rules of the cells it covers, as Sheets does.
      sheet.validations = sheet.validations.filter((v) => !sameRange(v.range, range));
      sheet.validations.push({ range: clone(range), rule: rule ? clone(rule) : null });
      return {};
    }
    case 'addProtectedRange': {
      const p = r.addProtectedRange.protectedRange ?? {};
      const sheet = sheetOf(p.range?.sheetId);
      if (p.warningOnly && ((p.editors?.users ?? []).length || (p.editors?.groups ?? []).length || p.editors?.domainUsersCanEdit)) fail('ProtectedRange is warningOnly. Editors cannot be set on it.');
      checkEditors(p.editors);
      guard(sheet, areaOf({ sheetId: sheet.sheetId, ...p.range }, sheet));
      const stored: ProtectedRange = {
        protectedRangeId: model.newProtectedId(),
        range: { ...clone(p.range ?? {}), sheetId: sheet.sheetId },
        ...(p.description ? { description: p.description } : {}),
        ...(p.warningOnly ? { warningOnly: true } : {}),
        ...(p.warningOnly ? {} : { editors: { users: [...(p.editors?.users ?? [])], ...(p.editors?.groups?.length ? { groups: [...p.editors.groups] } : {}) } }),
      };
      sheet.protectedRanges.push(stored);
      return { addProtectedRange: { protectedRange: clone(stored) } };
    }
    case 'updateProtectedRange': {
      const { protectedRange: p, fields } = r.updateProtectedRange;
      const found = findProtection(model, p?.protectedRangeId) ?? fail(`No protected range with id: ${p?.protectedRangeId}`);
      if (!canEdit(model, found.p)) fail(PROTECTED);
      const next: ProtectedRange = clone(found.p);
      for (const field of fieldPaths(fields, 'ProtectedRange', fail)) {
        if (field === 'editors') {
          checkEditors(p.editors);
          next.editors = { users: [...(p.editors?.users ?? [])] };
        } else if (field === 'range') next.range = { ...clone(p.range ?? {}), sheetId: p.range?.sheetId ?? found.sheet.sheetId };
        else if (field === 'description') next.description = p.description ?? undefined;
        else if (field === 'warningOnly') next.warningOnly = !!p.warningOnly;
        else fail(`unsupported field "${field}" (the fake implements only what Qamqor uses)`);
      }
      if (next.warningOnly && (next.editors?.users ?? []).length) fail('ProtectedRange is warningOnly. Editors cannot be set on it.');
      if (next.range.sheetId !== found.sheet.sheetId) fail('A protected range cannot move to another sheet.');
      found.sheet.protectedRanges[found.sheet.protectedRanges.indexOf(found.p)] = next;
      return {};
    }
    case 'deleteProtectedRange': {
      const id = r.deleteProtectedRange.protectedRangeId;
      const found = findProtection(model, id) ?? fail(`No protected range with id: ${id}`);
      if (!canEdit(model, found.p)) fail(PROTECTED);
      found.sheet.protectedRanges = found.sheet.protectedRanges.filter((x) => x !== found.p);
      return {};
    }
    case 'createDeveloperMetadata': {
      const m = clone(r.createDeveloperMetadata.developerMetadata ?? {}) as DeveloperMetadata;
      if (m.metadataId != null && m.metadataId <= 0) fail(`Invalid metadataId ${m.metadataId}: a developer metadata id must be positive.`);
      if (!m.metadataKey) fail('Developer metadata must always have a key specified.');
      if (!m.visibility || m.visibility === 'DEVELOPER_METADATA_VISIBILITY_UNSPECIFIED') fail('Developer metadata must always have visibility specified.');
      const all = model.sheets.flatMap((s) => s.metadata);
      if (m.metadataId != null && all.some((x) => x.metadataId === m.metadataId)) fail(`Developer metadata with ID ${m.metadataId} already exists.`);
      const sheet = sheetOf(m.location?.sheetId);
      m.metadataId ??= model.newMetadataId();
      m.location = { locationType: 'SHEET', sheetId: sheet.sheetId };
      sheet.metadata.push(m);
      return { createDeveloperMetadata: { developerMetadata: clone(m) } };
    }
    case 'updateDeveloperMetadata': {
      const { dataFilters = [], developerMetadata, fields } = r.updateDeveloperMetadata;
      const ids = new Set(dataFilters.map((f: any) => f.developerMetadataLookup?.metadataId));
      const found = model.sheets.flatMap((s) => s.metadata).filter((m) => ids.has(m.metadataId));
      if (found.length === 0) fail('No developer metadata matches the data filters.');
      const paths = fieldPaths(fields, 'DeveloperMetadata', fail);
      for (const m of found) {
        for (const field of paths) {
          if (field !== 'metadataValue' && field !== 'metadataKey') fail(`unsupported field "${field}" (the fake implements only what Qamqor uses)`);
          (m as any)[field] = developerMetadata?.[field];
        }
      }
      return { updateDeveloperMetadata: { developerMetadata: clone(found) } };
    }
    case 'addChart': {
      const chart = clone(r.addChart.chart ?? {}) as EmbeddedChart;
      const sheet = sheetOf(chart.position?.overlayPosition?.anchorCell?.sheetId);
      checkChart(model, chart.spec, fail);
      guard(sheet, 'structure');
      chart.chartId = chart.chartId ?? model.newChartId();
      sheet.charts.push(chart);
      return { addChart: { chart: clone(chart) } };
    }
    case 'updateChartSpec': {
      const { chartId, spec } = r.updateChartSpec;
      const sheet = model.sheets.find((s) => s.charts.some((c) => c.chartId === chartId)) ?? fail(`No chart with id: ${chartId}`);
      checkChart(model, spec, fail);
      guard(sheet, 'structure');
      sheet.charts.find((c) => c.chartId === chartId)!.spec = clone(spec);
      return {};
    }
    default:
      return fail(`unsupported request (the fake implements only what Qamqor uses)`);
  }
}

export function newSheet(sheetId: number, title: string, rowCount: number, colCount: number): FakeSheet {
  return { sheetId, title, rowCount, colCount, frozenRowCount: 0, cells: new Map(), layers: [], metadata: [], protectedRanges: [], charts: [], validations: [] };
}

function findProtection(model: SheetsModel, id: unknown): { sheet: FakeSheet; p: ProtectedRange } | undefined {
  for (const sheet of model.sheets) {
    const p = sheet.protectedRanges.find((x) => x.protectedRangeId === id);
    if (p) return { sheet, p };
  }
  return undefined;
}

/** A basic chart Google can draw: a type, one domain, each series on an axis its type has, data on existing sheets. */
function checkChart(model: SheetsModel, spec: any, fail: (m: string) => never): void {
  const b = spec?.basicChart;
  if (!b) fail('Only basic charts are implemented by the fake (Qamqor draws no other).');
  if (!b.chartType || b.chartType === 'BASIC_CHART_TYPE_UNSPECIFIED') fail('The chart type must be specified.');
  if ((b.domains ?? []).length !== 1) fail(`A ${b.chartType} chart takes exactly one domain, but ${(b.domains ?? []).length} were supplied.`);
  const axes = seriesAxes(b.chartType);
  (b.series ?? []).forEach((s: any, j: number) => {
    if (s.targetAxis && !axes.includes(s.targetAxis)) {
      fail(`series[${j}] targets ${s.targetAxis}, which is not a valid minor axis for a ${b.chartType} chart (${axes.join(' or ')}).`);
    }
  });
  const sources: GridRange[] = [
    ...(b.domains ?? []).flatMap((d: any) => d.domain?.sourceRange?.sources ?? []),
    ...(b.series ?? []).flatMap((s: any) => s.series?.sourceRange?.sources ?? []),
  ];
  for (const g of sources) if (!model.sheets.some((s) => s.sheetId === (g.sheetId ?? 0))) fail(`No grid with id: ${g.sheetId ?? 0}`);
}

function checkNumberFormat(format: NumberFormat, fail: (m: string) => never): void {
  if (!format.type || (format.type as string) === 'NUMBER_FORMAT_TYPE_UNSPECIFIED') fail('A number format must have a type.');
}

/** The field paths of a FieldMask, each one checked against the message it applies to. */
function fieldPaths(fields: unknown, message: string, fail: (m: string) => never): string[] {
  if (typeof fields !== 'string' || fields.trim() === '') fail("'fields' is required");
  const paths = (fields as string).split(',').map((f) => f.trim());
  for (const path of paths) if (path !== '*' && !fieldAt(apiSchema('sheets/v4'), message, path.split('.'))) fail(`Invalid field mask: '${path}' is not a field of ${message}.`);
  return paths;
}

function cellFields(fields: unknown, fail: (m: string) => never): string[] {
  const list = fieldPaths(fields, 'CellData', fail);
  for (const f of list) if (!SUPPORTED_CELL_FIELDS.has(f)) fail(`unsupported field "${f}" (the fake implements only what Qamqor uses)`);
  return list;
}

function formatValue(data: Record<string, any>, field: FormatField): unknown {
  const f = data.userEnteredFormat;
  switch (field) {
    case 'format':
      return f?.numberFormat ? clone(f.numberFormat) : undefined;
    case 'background':
      return f?.backgroundColor ? clone(f.backgroundColor) : undefined;
    case 'bold':
      return typeof f?.textFormat?.bold === 'boolean' ? f.textFormat.bold : undefined;
    case 'wrap':
      return f?.wrapStrategy ?? undefined;
  }
}

/** A format laid over a rectangle: the cells' own values of that field give way to it. */
function layer(sheet: FakeSheet, area: Area, field: FormatField, value: unknown): void {
  const l: FormatLayer = { ...area, field, value };
  sheet.layers.push(l);
  for (const [k, cell] of [...sheet.cells]) {
    const [r, c] = at(k);
    if (r < area.top || r >= area.bottom || c < area.left || c >= area.right || cell[field] === undefined) continue;
    const next = { ...cell };
    delete next[field];
    store(sheet, k, next);
  }
}

/** An updateCells over a range: what its rows do not cover loses the listed fields. */
function clearArea(sheet: FakeSheet, area: Area, fields: readonly string[]): void {
  for (const field of fields) {
    const f = FORMAT_FIELD[field];
    if (f) layer(sheet, { ...area, bottom: Math.min(area.bottom, sheet.rowCount), right: Math.min(area.right, sheet.colCount) }, f, null);
  }
  for (const [k, cell] of [...sheet.cells]) {
    const [r, c] = at(k);
    if (r < area.top || r >= area.bottom || c < area.left || c >= area.right) continue;
    const next: FakeCell = { ...cell };
    if (fields.includes('userEnteredValue')) {
      delete next.value;
      delete next.result;
    }
    if (fields.includes('note')) delete next.note;
    if (fields.includes('textFormatRuns')) delete next.links;
    store(sheet, k, next);
  }
}

function store(sheet: FakeSheet, k: string, cell: FakeCell): void {
  for (const prop of Object.keys(cell) as (keyof FakeCell)[]) if (cell[prop] === undefined) delete cell[prop];
  if (Object.keys(cell).length === 0) sheet.cells.delete(k);
  else sheet.cells.set(k, cell);
}

/** Writes the listed fields of one cell; a new object, so that a refused batch can go back to the old ones. */
function setFields(sheet: FakeSheet, k: string, cell: FakeCell, data: Record<string, any>, fields: readonly string[], fail: (m: string) => never, path: string): void {
  const next: FakeCell = { ...cell };
  // Runs are checked against the cell's text as this request leaves it.
  const ordered = [...fields.filter((f) => f !== 'textFormatRuns'), ...fields.filter((f) => f === 'textFormatRuns')];
  for (const field of ordered) {
    const f = FORMAT_FIELD[field];
    if (f) {
      const value = formatValue(data, f);
      if (f === 'format' && value) checkNumberFormat(value as NumberFormat, fail);
      // Cleared rather than absent, so that a format laid over the cell's column does not show through.
      (next as any)[f] = value ?? null;
      continue;
    }
    switch (field) {
      case 'userEnteredValue': {
        const v = data.userEnteredValue as ExtendedValue | undefined;
        const set = v ? Object.keys(v).filter((x) => (v as any)[x] != null) : [];
        if (set.length > 1) throw new RequestError(`Invalid value at '${path}.user_entered_value' (oneof), oneof field 'value' is already set. Cannot set '${set[1]}'`);
        if (v?.formulaValue != null) fail('the fake computes no formula, and Qamqor writes none');
        next.value = v && set.length === 1 && v.stringValue !== '' ? clone(v) : undefined;
        delete next.result;
        // Writing a new value erases the runs of the old one, as Sheets does.
        if (!fields.includes('textFormatRuns')) delete next.links;
        break;
      }
      case 'note':
        next.note = data.note || undefined;
        break;
      case 'textFormatRuns': {
        const runs = (data.textFormatRuns ?? []) as TextFormatRun[];
        if (runs.length === 0) {
          delete next.links;
          break;
        }
        const text = next.value?.stringValue;
        if (typeof text !== 'string') fail('Runs are only valid on user entered strings, not formulas, bools, or numbers.');
        let previous = -1;
        const stored: FakeRun[] = runs.map((run, j) => {
          const start = run.startIndex ?? 0;
          if (start < 0 || start >= text!.length) fail(`textFormatRuns[${j}].startIndex ${start} is past the end of the cell's text (length ${text!.length}).`);
          if (start <= previous) fail(`textFormatRuns[${j}].startIndex ${start} must be greater than the previous run's (${previous}).`);
          previous = start;
          const format: FakeRun['format'] = {};
          if (run.format?.link?.uri) format.link = { uri: run.format.link.uri };
          if (typeof run.format?.bold === 'boolean') format.bold = run.format.bold;
          return { startIndex: start, format };
        });
        next.links = stored;
        break;
      }
    }
  }
  for (const f of ['format', 'background', 'bold', 'wrap'] as FormatField[]) if (next[f] === null && !sheet.layers.some((l) => l.field === f)) delete next[f];
  store(sheet, k, next);
}

function sameRange(a: GridRange, b: GridRange): boolean {
  return (a.sheetId ?? 0) === (b.sheetId ?? 0) && a.startRowIndex === b.startRowIndex && a.endRowIndex === b.endRowIndex && a.startColumnIndex === b.startColumnIndex && a.endColumnIndex === b.endColumnIndex;
}

export function a1(row: number, col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

export function clone<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

/** A copy of a sheet a refused batch goes back to: cells are never changed in place, so the map alone is copied. */
export function cloneSheet(s: FakeSheet): FakeSheet {
  return {
    ...s,
    cells: new Map(s.cells),
    layers: [...s.layers],
    metadata: clone(s.metadata),
    protectedRanges: clone(s.protectedRanges),
    charts: clone(s.charts),
    validations: [...s.validations],
  };
}
