// The offline .docx side of reports: fill templates, read their text, and build the default templates.
export { renderDocx, extractText, docxPlaceholders, checkDocxTemplate } from './render';
export {
  docxBuilder, DocxBuilder,
  type Align, type CellSpec, type Content, type Inline, type PageOptions, type ParagraphOptions, type TableOptions, type TextStyle,
} from './builder';
