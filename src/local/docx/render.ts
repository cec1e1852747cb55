// The .docx renderer: template bytes + report model -> document bytes, through the shared engine in src/reports.
import { treeText } from '../../reports/doc-tree';
import { checkTemplate, fillTemplate, listPlaceholders, type PlaceholderUse } from '../../reports/grammar';
import type { ModelObject } from '../../reports/model';
import type { TemplateProblem } from '../../reports/template-error';
import { DocxPackage } from './package';
import { readDocx } from './read';
import { writeFilled } from './write';

/** Fills a .docx template. Throws a TemplateError (naming `template` and every bad placeholder) before writing anything. */
export function renderDocx(template: Uint8Array, model: ModelObject, options: { template: string; draft?: string }): Uint8Array {
  const pkg = new DocxPackage(template);
  const { tree, partOf, unfillable } = readDocx(pkg);
  const filled = fillTemplate(tree, model, { ...options, unfillable });
  writeFilled(pkg, filled, partOf);
  return pkg.toBytes();
}

/**
 * The text of a .docx in the format shared with the Google Docs renderer (`treeText`): labelled sections,
 * a line per paragraph, a line per table row with tab-separated cells, `[image]` for a picture.
 */
export function extractText(docx: Uint8Array): string {
  return treeText(readDocx(new DocxPackage(docx), { imageMarkers: true }).tree);
}

/** The placeholders a .docx template uses, for the help tab and for checking templates against report models. */
export function docxPlaceholders(template: Uint8Array): PlaceholderUse[] {
  return listPlaceholders(readDocx(new DocxPackage(template)).tree);
}

/** What `renderDocx` would complain about, without rendering; without a model, the syntax alone. */
export function checkDocxTemplate(template: Uint8Array, model?: ModelObject): TemplateProblem[] {
  const { tree, unfillable } = readDocx(new DocxPackage(template));
  return checkTemplate(tree, model, unfillable);
}
