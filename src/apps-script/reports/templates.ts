// Where a document's template comes from. A default template (class-passport…) is the .docx the offline side uses,
// uploaded once and converted by Drive into a Google Doc in Qamqor/Templates (one call, only when missing: a person
// may edit it there, and their edits stay). A job may name any other Doc by link or id: one Qamqor made is used as
// it is; one a person made (which drive.file does not let Qamqor copy) is opened with DocumentApp and imported,
// element by element, into Qamqor/Templates once per run. A bare name finds only Docs Qamqor can see. Each template
// is read once per execution, through the Docs API.
import type { Lang } from '../../domain/template';
import type { TemplateRef } from '../../reports/jobs';
import type { DocsAdvanced, DocumentAppLike, GContainer, GDocument, GSection, UtilitiesLike } from '../google-services';
import { MIME, ROOT_FOLDER, TEMPLATES_FOLDER, type DriveFiles } from './drive';
import { loadTemplate, type LoadedTemplate } from './render';
import type { ReportState } from './state';

/** The template a job names is nowhere Qamqor can reach. */
export class TemplateMissing extends Error {
  constructor(
    readonly value: string,
    /** Named by a bare name: only Docs Qamqor made can be found that way. */
    readonly byName: boolean,
  ) {
    super(`template not found: ${value}`);
    this.name = 'TemplateMissing';
  }
}

export interface TemplateServices {
  Docs: DocsAdvanced;
  DocumentApp: DocumentAppLike;
  Utilities: UtilitiesLike;
  templates?: (nameLang: string) => string | null;
}

/** A Google Doc id as written in a cell: the id itself, or any docs.google.com / drive.google.com link to it. */
export function docIdOf(ref: string): string | null {
  const link = /\/d\/([-\w]{25,})/.exec(ref) ?? /[?&]id=([-\w]{25,})/.exec(ref);
  if (link) return link[1]!;
  return /^[-\w]{25,}$/.test(ref.trim()) ? ref.trim() : null;
}

/** A template's Doc, and its modified time as Drive gave it (empty when not asked): together, which read to reuse. */
interface Found {
  id: string;
  modified: string;
}

export class Templates {
  private readonly loaded = new Map<string, LoadedTemplate>();
  private readonly resolved = new Map<string, Found | TemplateMissing>();

  constructor(
    private readonly services: TemplateServices,
    private readonly files: DriveFiles,
    private readonly state: ReportState,
    private readonly runId: string,
    /**
     * Called before every Google Doc Qamqor creates (conversions and imports count against the daily limit):
     * throws QuotaReached when none may be created today.
     */
    private readonly created: () => void,
  ) {}

  /**
   * The template, read; throws TemplateMissing. Each is found and read once per execution (by its id and modified
   * time: two jobs naming one Doc share the read).
   */
  load(ref: TemplateRef, lang: Lang): LoadedTemplate {
    const key = ref.kind === 'default' ? `default:${ref.name}.${lang}` : `custom:${ref.ref}`;
    let found = this.resolved.get(key);
    if (found === undefined) {
      try {
        found = ref.kind === 'default' ? this.defaultTemplate(`${ref.name}.${lang}`) : this.custom(ref.ref.trim());
      } catch (e) {
        // The day's limit is not remembered: tomorrow the same template is found.
        if (!(e instanceof TemplateMissing)) throw e;
        found = e;
      }
      this.resolved.set(key, found);
    }
    if (found instanceof TemplateMissing) throw found;
    const cacheKey = `${found.id}@${found.modified}`;
    let template = this.loaded.get(cacheKey);
    if (!template) {
      template = loadTemplate(this.services.Docs, found.id);
      this.loaded.set(cacheKey, template);
    }
    return template;
  }

  private folder(): string {
    return this.files.folder([ROOT_FOLDER, TEMPLATES_FOLDER]);
  }

  private defaultTemplate(nameLang: string): Found {
    const known = this.state.templates[nameLang];
    const file = known ? this.files.usable(known) : null;
    if (known && file) return { id: known, modified: file.modifiedTime ?? '' };
    const base64 = this.services.templates?.(nameLang);
    if (!base64) throw new TemplateMissing(nameLang, false);
    this.created();
    const made = this.files.convert(base64, nameLang, this.folder(), this.services.Utilities);
    this.state.templates[nameLang] = made.id!;
    this.state.touch('templates');
    return { id: made.id!, modified: made.modifiedTime ?? '' };
  }

  private custom(ref: string): Found {
    const id = docIdOf(ref);
    const byName = (): Found => {
      const found = this.files.docsNamed(ref.replace(/\.docx$/i, ''));
      if (found.length === 0) throw new TemplateMissing(ref, true);
      return { id: found[found.length - 1]!, modified: '' };
    };
    if (!id) return byName();
    const own = this.files.usable(id);
    if (own) {
      if (own.mimeType !== MIME.doc) throw new TemplateMissing(ref, false);
      return { id, modified: own.modifiedTime ?? '' };
    }
    // Not Qamqor's: readable through DocumentApp (the documents scope) if the person may open it.
    let source: GDocument;
    try {
      source = this.services.DocumentApp.openById(id);
    } catch {
      // A long name without spaces looks like an id: it may still be the name of one of Qamqor's Docs.
      if (id === ref) return byName();
      throw new TemplateMissing(ref, false);
    }
    const imported = this.state.imports[id];
    const usable = imported && imported.run === this.runId ? this.files.usable(imported.id) : null;
    if (imported && usable) return { id: imported.id, modified: usable.modifiedTime ?? '' };
    if (imported) this.files.trash(imported.id);
    const copy = this.importDoc(source);
    this.state.imports[id] = { id: copy, run: this.runId };
    this.state.touch('imports');
    return { id: copy, modified: '' };
  }

  /**
   * A person's Doc copied into a new Doc of Qamqor's, which Drive can then copy per document: body, default header
   * and footer, page size and margins. Paragraphs, list items and tables come over with their formatting and
   * pictures; a table of contents does not (Docs offers no way to append one).
   */
  private importDoc(source: GDocument): string {
    const types = this.services.DocumentApp.ElementType;
    this.created();
    const id = this.files.emptyDoc(source.getName(), this.folder());
    const target = this.services.DocumentApp.openById(id);
    const from = source.getBody();
    const to = target.getBody();
    to.setPageWidth(from.getPageWidth()).setPageHeight(from.getPageHeight());
    to.setMarginTop(from.getMarginTop()).setMarginBottom(from.getMarginBottom()).setMarginLeft(from.getMarginLeft()).setMarginRight(from.getMarginRight());
    const copyInto = (src: GContainer, dst: GSection): void => {
      const n = src.getNumChildren();
      for (let i = 0; i < n; i++) {
        const child = src.getChild(i);
        const type = child.getType();
        if (type === types.PARAGRAPH) dst.appendParagraph(child.asParagraph().copy());
        else if (type === types.LIST_ITEM) dst.appendListItem(child.asListItem().copy());
        else if (type === types.TABLE) dst.appendTable(child.asTable().copy());
      }
      // A new section starts with one empty paragraph: it goes once the content is in.
      if (dst.getNumChildren() > 1) dst.getChild(0).asParagraph().removeFromParent();
    };
    copyInto(from, to);
    const header = source.getHeader();
    if (header) copyInto(header, target.addHeader());
    const footer = source.getFooter();
    if (footer) copyInto(footer, target.addFooter());
    target.saveAndClose();
    return id;
  }
}
