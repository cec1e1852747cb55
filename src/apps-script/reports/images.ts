// Pictures into a filled copy: the one edit the Docs API makes only from a public URL, which a report about children
// must never have. So DocumentApp, after the batch, and only for a document with pictures: open it, take the section's
// paragraphs in one call, put each picture into the empty paragraph the batch left for it, save.
import type { ImageValue, SectionKind } from '../../reports/doc-tree';
import type { DocsImage } from '../../reports/docs-batch';
import type { DocumentAppLike, GBlob, GParagraph } from '../google-services';

/** A picture of an image at the size it will have (a chart is drawn at that size). */
export type BlobOf = (image: ImageValue, size: DocsImage['size']) => GBlob;

export function insertImages(documentApp: DocumentAppLike, id: string, images: readonly DocsImage[], blobOf: BlobOf): void {
  if (images.length === 0) return;
  const doc = documentApp.openById(id);
  const paragraphs = new Map<SectionKind, GParagraph[]>();
  for (const image of images) {
    let list = paragraphs.get(image.section);
    if (!list) {
      const section = image.section === 'body' ? doc.getBody() : image.section === 'header' ? doc.getHeader() : doc.getFooter();
      if (!section) throw new Error(`internal: the copy has no ${image.section}`);
      list = section.getParagraphs();
      paragraphs.set(image.section, list);
    }
    const paragraph = list[image.paragraph];
    if (!paragraph) throw new Error(`internal: the copy's ${image.section} has no paragraph ${image.paragraph}`);
    const blob = blobOf(image.image, image.size);
    const own = pngSize(blob.getBytes());
    const picture = paragraph.appendInlineImage(blob);
    // A picture comes in at its own size in pixels: set only when that is not the size wanted.
    if (!own || own.width !== image.size.width || own.height !== image.size.height) picture.setWidth(image.size.width).setHeight(image.size.height);
  }
  doc.saveAndClose();
}

/** A PNG's own size in pixels (its IHDR chunk), or null for anything else. */
export function pngSize(bytes: readonly number[]): { width: number; height: number } | null {
  const b = (at: number) => (bytes[at] ?? 0) & 255;
  if (bytes.length < 24 || b(12) !== 0x49 || b(13) !== 0x48 || b(14) !== 0x44 || b(15) !== 0x52) return null;
  const int = (at: number) => ((b(at) << 24) | (b(at + 1) << 16) | (b(at + 2) << 8) | b(at + 3)) >>> 0;
  return { width: int(16), height: int(20) };
}
