// The Google Docs renderer: a template read once through the Docs API into the neutral tree, filled by the shared
// engine, written into a Drive copy of it with one documents.batchUpdate (more only for a very large document), the
// pictures put in after it with DocumentApp; and a finished Doc read back as the text every renderer is compared by.
import { treeText, type FilledDoc } from '../../reports/doc-tree';
import { planBatch, splitBatch, type DocsImage, type DocsRequest } from '../../reports/docs-batch';
import { readDocsDocument, type DocsDocument, type DocsRef, type DocsTemplate } from '../../reports/docs-read';
import { fillTemplate } from '../../reports/grammar';
import type { ModelObject } from '../../reports/model';
import type { DocsAdvanced, DocumentAppLike, UtilitiesLike } from '../google-services';
import type { GoogleCharts } from './charts';
import { insertImages, type BlobOf } from './images';

export interface LoadedTemplate extends DocsTemplate {
  id: string;
  /** The Doc's title: what error messages name. */
  name: string;
}

/** What a template read brings back: the content and the page, not the named styles, lists or revision. */
export const TEMPLATE_FIELDS = 'title,documentStyle,body,headers,footers,footnotes';

/**
 * Requests and JSON per documents.batchUpdate. Google documents no limit on the number of requests; these keep one
 * call's body at a megabyte at most, far from any request size limit, so that no document fails for its size. Most
 * documents fit in one call; a large school's passport takes a few.
 */
export const MAX_REQUESTS = 2_000;
export const MAX_BYTES = 1_000_000;

/** Reads a template (read only: nothing is written to it) in one call. */
export function loadTemplate(docs: DocsAdvanced, id: string): LoadedTemplate {
  const doc = docs.Documents.get(id, { fields: TEMPLATE_FIELDS });
  return { id, name: doc.title ?? id, ...readDocsDocument(doc) };
}

/** The filled tree; throws the engine's TemplateError (naming the template and every bad placeholder) before any copy is made. */
export function fillGoogleTemplate(template: LoadedTemplate, model: ModelObject, draft?: string): FilledDoc<DocsRef> {
  return fillTemplate(template.tree, model, { template: template.name, unfillable: template.unfillable, draft });
}

/** What filling a copy takes: the batchUpdate calls in order, and the pictures to put in after them. */
export interface Rendering {
  calls: DocsRequest[][];
  images: DocsImage[];
  requests: number;
}

/** Throws UnsupportedTemplate for what the Docs API cannot copy (a table inside a repeated row). */
export function planRendering(template: LoadedTemplate, filled: FilledDoc<DocsRef>): Rendering {
  const batch = planBatch(filled, { textWidthPt: template.textWidthPt });
  return { calls: splitBatch(batch.requests, MAX_REQUESTS, MAX_BYTES), images: batch.images, requests: batch.requests.length };
}

/** Pictures as Blobs: a chart drawn by the Charts service at its size, any other image made from its bytes. */
export function blobMaker(utilities: UtilitiesLike, charts?: GoogleCharts): BlobOf {
  return (image, size) => charts?.blob(image, size) ?? utilities.newBlob(Array.from(image.bytes, (b) => (b > 127 ? b - 256 : b)), image.contentType, image.alt ?? 'image');
}

/** Fills `id`, a Drive copy of the template the rendering was planned from. */
export function renderInto(
  services: { Docs: DocsAdvanced; DocumentApp: DocumentAppLike },
  id: string,
  rendering: Rendering,
  blobOf: BlobOf,
): void {
  for (const requests of rendering.calls) services.Docs.Documents.batchUpdate({ requests }, id);
  insertImages(services.DocumentApp, id, rendering.images, blobOf);
}

/** A Doc's text in the format shared with the .docx renderer (`treeText`), from what documents.get returns. */
export function googleDocText(doc: DocsDocument): string {
  return treeText(readDocsDocument(doc, { full: true }).tree);
}
