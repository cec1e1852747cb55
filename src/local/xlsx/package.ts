// The .xlsx package: the workbook part's list of sheets, its relationships and content types, the shared strings
// and styles, and the parts Qamqor rewrites. Parts it does not change are written back as the bytes they were.
import { posix } from 'node:path';
import { readSharedStringsBytes } from './sheet';
import { EMPTY_STYLES, Styles } from './styles';
import { attr, elements, escapeAttr, escapeText, findElement, innerOf, putElement, withAttr } from './xml';
import { ZipReader, writeZip, type ZipPart } from './zip';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetEntry {
  name: string;
  sheetId: number;
  state: SheetState;
  /** The relationship id in the workbook part. */
  rid: string;
  /** The part holding the sheet, e.g. `xl/worksheets/sheet3.xml`; null when the relationship is missing. */
  part: string | null;
  /** A worksheet (not a chart sheet or a dialog sheet): only these are tabs Qamqor reads. */
  worksheet: boolean;
  /** The `<sheet>` tag as written, so that attributes Qamqor does not know are kept. */
  tag: string;
}

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const REL_STYLES = `${NS_REL}/styles`;
const REL_STRINGS = `${NS_REL}/sharedStrings`;
const REL_CALC_CHAIN = `${NS_REL}/calcChain`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

const EMPTY_PACKAGE: Record<string, string> = {
  '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/></Types>`,
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets/><calcPr calcId="191029"/></workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_STYLES}" Target="styles.xml"/></Relationships>`,
  'xl/styles.xml': EMPTY_STYLES,
};

export class XlsxPackage {
  readonly sheets: SheetEntry[];
  readonly date1904: boolean;
  readonly styles: Styles;
  private readonly workbookPart: string;
  private readonly relsPart: string;
  private readonly changed = new Map<string, Buffer>();
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];
  private rels: string;
  private contentTypes: string;
  /** Relationships and content types of new sheets, joined in at the end: appending to the lists one by one is quadratic. */
  private readonly newRels: string[] = [];
  private readonly newOverrides: string[] = [];
  private nextRid = 0;
  private stylesPart: string;
  private strings: string[] | null = null;
  private stringsPart: string | null;
  /** Sheets whose first rows repeat on every printed page (Excel's print titles), and how many rows. */
  private readonly printTitles = new Map<SheetEntry, number>();
  /** The sheets in the order the workbook part last written (or read) lists them: definedNames speak of sheets by position. */
  private originalOrder: SheetEntry[];

  private constructor(private readonly zip: ZipReader | null, private readonly parts: Record<string, string>) {
    const rootRels = this.text('_rels/.rels') ?? '';
    const office = elements(rootRels, 'Relationship').find((r) => (attr(r, 'Type') ?? '').endsWith('/officeDocument'));
    this.workbookPart = resolveTarget('', attr(office ?? '', 'Target') ?? 'xl/workbook.xml');
    const workbook = this.text(this.workbookPart);
    if (workbook === null) throw new Error('no workbook part');
    this.relsPart = posix.join(posix.dirname(this.workbookPart), '_rels', `${posix.basename(this.workbookPart)}.rels`);
    this.rels = this.text(this.relsPart) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    this.contentTypes = this.text('[Content_Types].xml') ?? '';
    const targets = new Map<string, { type: string; target: string }>();
    for (const r of elements(this.rels, 'Relationship')) {
      targets.set(attr(r, 'Id') ?? '', { type: attr(r, 'Type') ?? '', target: resolveTarget(posix.dirname(this.workbookPart), attr(r, 'Target') ?? '') });
    }
    const sheetsEl = findElement(workbook, 'sheets');
    this.sheets = (sheetsEl ? elements(innerOf(workbook, sheetsEl, 'sheets'), 'sheet') : []).map((tag) => {
      const rid = relId(tag) ?? '';
      const rel = targets.get(rid);
      const state = attr(tag, 'state');
      return {
        name: attr(tag, 'name') ?? '',
        sheetId: Number(attr(tag, 'sheetId') ?? 0),
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        rid,
        part: rel?.target ?? null,
        worksheet: rel ? rel.type === REL_WORKSHEET || rel.type.endsWith('/worksheet') : false,
        tag,
      };
    });
    this.originalOrder = [...this.sheets];
    const pr = findElement(workbook, 'workbookPr');
    const date1904 = pr ? attr(workbook.slice(pr.start, pr.openEnd), 'date1904') : null;
    this.date1904 = date1904 === '1' || date1904 === 'true';
    const find = (suffix: string) => [...targets.values()].find((t) => t.type === suffix || t.type.endsWith(suffix.slice(suffix.lastIndexOf('/'))))?.target ?? null;
    this.stringsPart = find(REL_STRINGS);
    const stylesPart = find(REL_STYLES);
    if (stylesPart && this.text(stylesPart) !== null) {
      this.stylesPart = stylesPart;
      this.styles = new Styles(this.text(stylesPart) as string);
    } else {
      // A workbook without styles (some generators write none): one is added, for the date and text formats.
      this.stylesPart = posix.join(posix.dirname(this.workbookPart), 'styles.xml');
      this.styles = new Styles(EMPTY_STYLES);
      this.rels = appendRelationship(this.rels, nextRelId(this.rels), REL_STYLES, posix.relative(posix.dirname(this.workbookPart), this.stylesPart));
      this.contentTypes = addOverride(this.contentTypes, this.stylesPart, CT_STYLES);
    }
  }

  static open(data: Buffer): XlsxPackage {
    return new XlsxPackage(new ZipReader(data), {});
  }

  static empty(): XlsxPackage {
    return new XlsxPackage(null, { ...EMPTY_PACKAGE });
  }

  sharedStrings(): readonly string[] {
    if (!this.strings) this.strings = readSharedStringsBytes(this.stringsPart ? this.bytes(this.stringsPart) : null);
    return this.strings;
  }

  /** A part's text as it is now (changed or as read). */
  text(part: string): string | null {
    return this.bytes(part)?.toString('utf8') ?? null;
  }

  /** A part's bytes as they are now (changed or as read), inflated. */
  bytes(part: string): Buffer | null {
    const changed = this.changed.get(part);
    if (changed) return changed;
    if (this.removed.has(part)) return null;
    if (part in this.parts) return Buffer.from(this.parts[part], 'utf8');
    return this.zip?.read(part) ?? null;
  }

  setPart(part: string, text: string): void {
    this.changed.set(part, Buffer.from(text, 'utf8'));
    this.removed.delete(part);
  }

  /** A new worksheet part, last in tab order (the caller orders the list). */
  addWorksheet(name: string, sheetId: number, xml: string): SheetEntry {
    const dir = posix.dirname(this.workbookPart);
    let n = this.sheets.length + 1;
    const taken = (p: string) => this.text(p) !== null || this.changed.has(p);
    while (taken(posix.join(dir, 'worksheets', `sheet${n}.xml`))) n++;
    const part = posix.join(dir, 'worksheets', `sheet${n}.xml`);
    if (this.nextRid === 0) this.nextRid = Number(nextRelId(this.rels).slice(3));
    const rid = `rId${this.nextRid++}`;
    this.newRels.push(`<Relationship Id="${rid}" Type="${REL_WORKSHEET}" Target="${escapeAttr(posix.relative(dir, part))}"/>`);
    this.newOverrides.push(`<Override PartName="/${escapeAttr(part)}" ContentType="${CT_WORKSHEET}"/>`);
    this.setPart(part, xml);
    this.added.push(part);
    const entry: SheetEntry = { name, sheetId, state: 'visible', rid, part, worksheet: true, tag: '<sheet/>' };
    this.sheets.push(entry);
    return entry;
  }

  /** The first `rows` rows of the sheet print on every page, unless the school set its own print titles. */
  setPrintTitles(entry: SheetEntry, rows: number): void {
    this.printTitles.set(entry, rows);
  }

  /** The sheet, its part and its relationships gone; what only it used (its comments, drawings) is left unlinked. */
  removeSheet(entry: SheetEntry): void {
    this.sheets.splice(this.sheets.indexOf(entry), 1);
    const pattern = new RegExp(`<Relationship\\b[^>]*\\bId="${entry.rid}"[^>]*/>`);
    this.rels = this.rels.replace(pattern, '');
    const pending = this.newRels.findIndex((r) => pattern.test(r));
    if (pending >= 0) this.newRels.splice(pending, 1);
    if (entry.part) {
      this.removed.add(entry.part);
      this.changed.delete(entry.part);
      const sheetRels = posix.join(posix.dirname(entry.part), '_rels', `${posix.basename(entry.part)}.rels`);
      this.removed.add(sheetRels);
      this.contentTypes = removeOverride(this.contentTypes, entry.part);
      const override = this.newOverrides.findIndex((o) => o.includes(`PartName="/${entry.part}"`));
      if (override >= 0) this.newOverrides.splice(override, 1);
    }
  }

  /** The archive's bytes, as chunks: unchanged parts copied compressed, the workbook part and lists regenerated. */
  toChunks(anySheetChanged: boolean): Buffer[] {
    this.setPart(this.workbookPart, this.workbookXml(anySheetChanged));
    if (anySheetChanged) this.dropCalcChain();
    if (this.styles.changed || !(this.zip?.has(this.stylesPart) ?? this.stylesPart in this.parts)) this.setPart(this.stylesPart, this.styles.toXml());
    this.rels = appendAll(this.rels, '</Relationships>', this.newRels);
    this.contentTypes = appendAll(this.contentTypes, '</Types>', this.newOverrides);
    this.newRels.length = 0;
    this.newOverrides.length = 0;
    this.setPart(this.relsPart, this.rels);
    this.setPart('[Content_Types].xml', this.contentTypes);
    const out: ZipPart[] = [];
    const seen = new Set<string>();
    const names = [...(this.zip ? this.zip.entries.keys() : Object.keys(this.parts)), ...this.changed.keys()];
    for (const name of names) {
      if (seen.has(name) || this.removed.has(name)) continue;
      seen.add(name);
      const changed = this.changed.get(name);
      const entry = this.zip?.entries.get(name);
      if (changed) out.push({ name, data: changed });
      else if (entry && this.zip) out.push({ name, copy: entry, from: this.zip });
      else if (name in this.parts) out.push({ name, data: Buffer.from(this.parts[name], 'utf8') });
    }
    // Excel wants the content types first.
    out.sort((a, b) => (a.name === '[Content_Types].xml' ? -1 : b.name === '[Content_Types].xml' ? 1 : 0));
    return writeZip(out);
  }

  private workbookXml(recalculate: boolean): string {
    let xml = this.text(this.workbookPart) as string;
    const prefix = relPrefix(xml);
    const sheets = this.sheets.map((s) => {
      let tag = s.tag === '<sheet/>' ? `<sheet ${prefix}:id="${s.rid}"/>` : s.tag;
      tag = withAttr(withAttr(tag, 'name', s.name), 'sheetId', String(s.sheetId));
      tag = withAttr(tag, 'state', s.state === 'visible' ? null : s.state);
      // Attribute order is free in XML, but Excel and LibreOffice both write name first: keep the file familiar.
      return tag;
    });
    xml = putElement(xml, 'sheets', `<sheets>${sheets.join('')}</sheets>`, ['functionGroups', 'externalReferences', 'definedNames', 'calcPr'], '</workbook>');
    // definedNames say which sheet they belong to by position: follow the sheets that moved or went.
    const position = new Map(this.sheets.map((s, i) => [s, i]));
    xml = this.withPrintTitles(xml, position);
    const names = findElement(xml, 'definedNames');
    if (names) {
      const kept = elements(innerOf(xml, names, 'definedNames'), 'definedName').flatMap((d) => {
        const local = attr(d, 'localSheetId');
        if (local === null) return [d];
        const sheet = this.originalOrder[Number(local)];
        const now = sheet ? position.get(sheet) : undefined;
        if (now === undefined) return [];
        return [d.replace(/^<definedName\b[^>]*>/, (tag) => withAttr(tag, 'localSheetId', String(now)))];
      });
      xml = putElement(xml, 'definedNames', kept.length ? `<definedNames>${kept.join('')}</definedNames>` : '', [], '</workbook>');
    }
    const view = findElement(xml, 'workbookView');
    if (view) {
      const visible = this.sheets.findIndex((s) => s.state === 'visible');
      const active = Number(attr(xml.slice(view.start, view.openEnd), 'activeTab') ?? 0);
      const fixed = this.sheets[active]?.state === 'visible' ? active : Math.max(visible, 0);
      let tag = withAttr(xml.slice(view.start, view.openEnd), 'activeTab', fixed === 0 ? null : String(fixed));
      tag = withAttr(tag, 'firstSheet', null);
      xml = xml.slice(0, view.start) + tag + xml.slice(view.openEnd);
    }
    if (recalculate) {
      // Formulas a teacher typed may depend on cells written here: Excel recomputes them on opening.
      const calc = findElement(xml, 'calcPr');
      const tag = withAttr(calc ? xml.slice(calc.start, calc.openEnd) : '<calcPr/>', 'fullCalcOnLoad', '1');
      xml = putElement(xml, 'calcPr', calc && !calc.selfClosing ? tag + xml.slice(calc.openEnd, calc.end) : tag.replace(/([^/])>$/, '$1/>'), ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'], '</workbook>');
    }
    // From now on the workbook part lists the sheets in this order: a second save remaps from it.
    this.originalOrder = [...this.sheets];
    return xml;
  }

  /** Print titles for the sheets that asked, as `_xlnm.Print_Titles` names local to each sheet (by its position). */
  private withPrintTitles(xml: string, position: ReadonlyMap<SheetEntry, number>): string {
    if (this.printTitles.size === 0) return xml;
    const found = findElement(xml, 'definedNames');
    const names = found ? elements(innerOf(xml, found, 'definedNames'), 'definedName') : [];
    const original = new Map(this.originalOrder.map((s, i) => [s, i]));
    // Existing names still speak of the original positions here; they are moved to the new ones afterwards.
    const has = new Set(names.filter((d) => attr(d, 'name') === '_xlnm.Print_Titles').map((d) => attr(d, 'localSheetId')));
    const added: string[] = [];
    for (const [entry, rows] of this.printTitles) {
      const at = original.get(entry);
      if (at !== undefined && has.has(String(at))) continue;
      const now = position.get(entry);
      if (now === undefined) continue;
      // Written with its original-order id so the remapping below treats it like the others: new sheets have none.
      const id = at ?? now;
      if (at === undefined) this.originalOrder.push(entry);
      const local = at === undefined ? this.originalOrder.length - 1 : id;
      added.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${local}">'${escapeText(entry.name.replace(/'/g, "''"))}'!$1:$${rows}</definedName>`);
    }
    this.printTitles.clear();
    if (added.length === 0) return xml;
    return putElement(xml, 'definedNames', `<definedNames>${[...names, ...added].join('')}</definedNames>`, ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'extLst'], '</workbook>');
  }

  /** The calculation chain lists formula cells; one written over makes Excel "repair" the file. Excel rebuilds it. */
  private dropCalcChain(): void {
    const rel = elements(this.rels, 'Relationship').find((r) => attr(r, 'Type') === REL_CALC_CHAIN);
    if (!rel) return;
    const part = resolveTarget(posix.dirname(this.workbookPart), attr(rel, 'Target') ?? '');
    this.rels = this.rels.replace(rel, '');
    this.removed.add(part);
    this.contentTypes = removeOverride(this.contentTypes, part);
  }
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(base, target));
}

/** The relationship id attribute of a `<sheet>`, whatever prefix the file gave the namespace. */
function relId(tag: string): string | null {
  const m = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag);
  return m ? m[1] : null;
}

function relPrefix(workbook: string): string {
  const m = new RegExp(`xmlns:([\\w.-]+)="${NS_REL.replace(/[/.]/g, '\\$&')}"`).exec(workbook);
  return m ? m[1] : 'r';
}

function nextRelId(rels: string): string {
  let max = 0;
  for (const m of rels.matchAll(/\bId="rId(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return `rId${max + 1}`;
}

function appendRelationship(rels: string, id: string, type: string, target: string): string {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`;
  return rels.includes('</Relationships>') ? rels.replace('</Relationships>', `${rel}</Relationships>`) : rels.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
}

function appendAll(xml: string, closing: string, items: readonly string[]): string {
  if (items.length === 0) return xml;
  const at = xml.lastIndexOf(closing);
  if (at >= 0) return xml.slice(0, at) + items.join('') + xml.slice(at);
  // An empty list written as <Relationships …/>.
  return xml.replace(/<(Relationships|Types)([^>]*)\/>/, (_, name: string, attrs: string) => `<${name}${attrs}>${items.join('')}</${name}>`);
}

function addOverride(types: string, part: string, contentType: string): string {
  const name = `/${part}`;
  if (types.includes(`PartName="${name}"`)) return types;
  return types.replace('</Types>', `<Override PartName="${escapeAttr(name)}" ContentType="${contentType}"/></Types>`);
}

function removeOverride(types: string, part: string): string {
  return types.replace(new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"[^>]*/>`), '');
}
