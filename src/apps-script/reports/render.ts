// The Google Docs renderer: a template Doc read once into the neutral tree, filled by the shared engine, written
// into a Drive copy of it; and a finished Doc read back as the text every renderer is compared by.
import { treeText, type FilledDoc, type ImageValue } from '../../reports/doc-tree';
import { fillTemplate } from '../../reports/grammar';
import type { ModelObject } from '../../reports/model';
import type { DocumentAppLike, GBlob, GDocument, UtilitiesLike } from '../google-services';
import { readGoogleDoc, type GoogleTemplate, type GRef } from './doc-read';
import { writeFilled } from './doc-write';

export interface LoadedTemplate extends GoogleTemplate {
  id: string;
  /** The Doc's title: what error messages name. */
  name: string;
}

/** Opens and reads a template (read only: nothing is written to it). */
export function loadTemplate(documents: DocumentAppLike, id: string): LoadedTemplate {
  const doc = documents.openById(id);
  return { id, name: doc.getName(), ...readGoogleDoc(doc, documents.ElementType) };
}

/** The filled tree; throws the engine's TemplateError (naming the template and every bad placeholder) before any copy is made. */
export function fillGoogleTemplate(template: LoadedTemplate, model: ModelObject): FilledDoc<GRef> {
  return fillTemplate(template.tree, model, { template: template.name, unfillable: template.unfillable });
}

/** Pictures as Blobs: the chart painter's own Blob when it made the image, else one made from the bytes. */
export function blobMaker(utilities: UtilitiesLike, known: WeakMap<ImageValue, GBlob> = new WeakMap()): (image: ImageValue) => GBlob {
  return (image) => known.get(image) ?? utilities.newBlob(Array.from(image.bytes, (b) => (b > 127 ? b - 256 : b)), image.contentType, image.alt ?? 'image');
}

/** Fills the open copy `doc` of the template and saves it. */
export function renderInto(doc: GDocument, filled: FilledDoc<GRef>, blobOf: (image: ImageValue) => GBlob): void {
  writeFilled(doc, filled, { blobOf });
  doc.saveAndClose();
}

/** A Doc's text in the format shared with the .docx renderer (`treeText`). */
export function googleDocText(doc: GDocument, types: DocumentAppLike['ElementType']): string {
  return treeText(readGoogleDoc(doc, types, { full: true }).tree);
}
