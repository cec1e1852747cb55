// What a filled document must read like, whatever renders it: the engine fills the template's tree and prints it
// with treeText. The .docx renderer and the Google Docs renderer are each compared with this on a shared corpus.
import { treeText, type DocTree } from './doc-tree';
import { fillTemplate } from './grammar';
import type { ModelObject } from './model';

/** The text the engine makes of `tree` filled with `model` (throws the TemplateError a renderer would). */
export function expectedText<H>(tree: DocTree<H>, model: ModelObject, template = 'template'): string {
  return treeText(fillTemplate(tree, model, { template }));
}
