// Qamqor's files in Drive through the Drive advanced service (v3), which works under the drive.file scope: only
// files Qamqor created are seen. Folders Qamqor/Templates and Qamqor/Reports/<school year>/<job folder>; each
// document tagged with the workbook and its key (appProperties), so a re-run finds the one it replaces exactly,
// whatever it is called and whoever else keeps a file of that name.
import { failureKind } from '../google-errors';
import type { DriveAdvanced, DriveFile, GBlob, UtilitiesLike } from '../google-services';
import { utf8Length, type ReportState } from './state';

export const MIME = {
  doc: 'application/vnd.google-apps.document',
  folder: 'application/vnd.google-apps.folder',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export const ROOT_FOLDER = 'Qamqor';
export const TEMPLATES_FOLDER = 'Templates';
export const REPORTS_FOLDER = 'Reports';

export const docUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit`;
export const fileUrl = (id: string) => `https://drive.google.com/file/d/${id}/view`;
export const folderUrl = (id: string) => `https://drive.google.com/drive/folders/${id}`;

/** A Drive query string literal. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Drive keeps a property's key and value in 124 bytes: a long document key is cut and hashed (FNV-1a). */
export function tagValue(key: string): string {
  if (utf8Length(key) <= 100) return key;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${key.slice(0, 30)}#${h.toString(16)}`;
}

/** A file this workbook made, as the listing of its tags gives it. */
export interface TaggedFile {
  id: string;
  parents: string[];
}

const TAG_BOOK = 'qamqorBook';
const TAG_KEY = 'qamqorKey';

export class DriveFiles {
  /** Folders checked in this execution: a folder is looked at once per execution, not per document. */
  private readonly checked = new Map<string, string>();
  /** This workbook's tagged files by key, listed once per execution when first needed. */
  private index: Map<string, TaggedFile[]> | null = null;

  constructor(
    private readonly drive: DriveAdvanced,
    private readonly state: ReportState,
    private readonly book: string,
  ) {}

  /** The folder at `path` under My Drive, made when missing or trashed. */
  folder(path: readonly string[]): string {
    const key = path.join('/');
    const known = this.checked.get(key);
    if (known) return known;
    const recorded = this.state.folders[key];
    // The recorded leaf alone is checked: a trashed parent trashes what it holds.
    if (recorded && this.usable(recorded)?.mimeType === MIME.folder) {
      this.checked.set(key, recorded);
      return recorded;
    }
    let parent = 'root';
    for (let i = 0; i < path.length; i++) {
      const sub = path.slice(0, i + 1).join('/');
      const have = this.checked.get(sub);
      if (have) {
        parent = have;
        continue;
      }
      const name = path[i]!;
      const found = this.drive.Files.list({
        q: `name = ${quote(name)} and mimeType = ${quote(MIME.folder)} and ${quote(parent)} in parents and trashed = false`,
        fields: 'files(id)',
        pageSize: 1,
      }).files?.[0]?.id;
      parent = found ?? this.drive.Files.create({ name, mimeType: MIME.folder, parents: [parent] }, undefined, { fields: 'id' }).id!;
      this.checked.set(sub, parent);
      if (this.state.folders[sub] !== parent) {
        this.state.folders[sub] = parent;
        this.state.touch('folders');
      }
    }
    return parent;
  }

  /** The file when Qamqor may use it: visible to it, not trashed. */
  usable(id: string): DriveFile | null {
    try {
      const file = this.drive.Files.get(id, { fields: 'id,name,mimeType,trashed,modifiedTime' });
      return file.trashed ? null : file;
    } catch {
      return null;
    }
  }

  /** A copy of a Google Doc, named, in a folder, tagged with this workbook and the document's key. */
  copy(templateId: string, name: string, folderId: string, key: string): string {
    return this.drive.Files.copy({ name, parents: [folderId], appProperties: this.tags(key) }, templateId, { fields: 'id' }).id!;
  }

  /** A .docx uploaded and converted by Drive into a Google Doc: its id and modified time. */
  convert(base64: string, name: string, folderId: string, utilities: UtilitiesLike): DriveFile {
    const blob = utilities.newBlob(utilities.base64Decode(base64), MIME.docx, `${name}.docx`);
    return this.drive.Files.create({ name, mimeType: MIME.doc, parents: [folderId] }, blob, { fields: 'id,modifiedTime' });
  }

  /** An empty Google Doc in a folder. */
  emptyDoc(name: string, folderId: string): string {
    return this.drive.Files.create({ name, mimeType: MIME.doc, parents: [folderId] }, undefined, { fields: 'id' }).id!;
  }

  /** A Google Doc as a PDF, exported by Drive in one call. */
  exportPdf(docId: string): GBlob {
    return this.drive.Files.export(docId, MIME.pdf, { alt: 'media' });
  }

  /**
   * The PDF of a document: the previous one's content replaced when it sits in the same folder (one call, and its
   * link stays), else a new file.
   */
  pdf(blob: GBlob, name: string, folderId: string, key: string, previous: TaggedFile | null): string {
    if (previous && previous.parents.includes(folderId)) {
      return this.drive.Files.update({ name }, previous.id, blob, { fields: 'id' }).id!;
    }
    return this.drive.Files.create({ name, mimeType: MIME.pdf, parents: [folderId], appProperties: this.tags(key) }, blob, { fields: 'id' }).id!;
  }

  /**
   * Files this workbook made for a document key, not trashed (a Doc and its PDF are tagged `key` and `key|pdf`).
   * Every tagged file of the workbook is listed with one call (a page of 1,000) the first time one is asked for.
   */
  tagged(key: string): TaggedFile[] {
    if (!this.index) {
      this.index = new Map();
      const q = `appProperties has { key=${quote(TAG_BOOK)} and value=${quote(this.book)} } and trashed = false`;
      let pageToken: string | undefined;
      do {
        const page = this.drive.Files.list({ q, fields: 'nextPageToken,files(id,parents,appProperties)', pageSize: 1000, ...(pageToken ? { pageToken } : {}) });
        for (const f of page.files ?? []) {
          const tag = f.appProperties?.[TAG_KEY];
          if (tag && f.id) this.index.set(tag, [...(this.index.get(tag) ?? []), { id: f.id, parents: f.parents ?? [] }]);
        }
        pageToken = page.nextPageToken;
      } while (pageToken);
    }
    return this.index.get(tagValue(key)) ?? [];
  }

  /** Google Docs Qamqor can see by this name (the ones it made or imported), newest last. */
  docsNamed(name: string): string[] {
    const q = `name = ${quote(name)} and mimeType = ${quote(MIME.doc)} and trashed = false`;
    return (this.drive.Files.list({ q, fields: 'files(id)' }).files ?? []).map((f) => f.id!);
  }

  /** To the trash, where a person can still restore it for 30 days; a file already gone is no error. */
  trash(id: string): void {
    try {
      this.drive.Files.update({ trashed: true }, id);
    } catch {
      // Deleted by a person meanwhile: nothing left to replace.
    }
  }

  private tags(key: string): Record<string, string> {
    return { [TAG_BOOK]: this.book, [TAG_KEY]: tagValue(key) };
  }
}

/** Qamqor's own count says no more Docs today: the step stops before Google would refuse. */
export class QuotaReached extends Error {
  constructor() {
    super('the daily limit of new documents is reached');
    this.name = 'QuotaReached';
  }
}

/**
 * The day's limit is reached: Qamqor's own count, or Google's "Service invoked too many times for one day". Not a rate
 * limit ("User rate limit exceeded", "…too many times in a short time"): that one is waited out (google-errors.ts).
 */
export function isQuotaError(e: unknown): boolean {
  return e instanceof QuotaReached || failureKind(e) === 'dailyQuota';
}
