// How wide a text prints in the documents' font (Times New Roman, measured on its metric twin Liberation Serif), so
// that a table header's longest word gets a column wide enough never to break inside it («Сыны/п», «Групп/а»).
import widths from './serif-widths.json';

const SOFT_HYPHEN = '\u00AD';
// A placeholder in a header prints as a value; a school year is the longest one headers hold ("2024-2025").
const PLACEHOLDER = /\{\{[^}]*\}\}/g;
const PLACEHOLDER_TEXT = '0000-0000';

/** Points. */
export function textWidthPt(text: string, sizePt: number, bold = false): number {
  const table: Record<string, number> = bold ? widths.bold : widths.regular;
  const widest = bold ? 1000 : 950;
  let units = 0;
  for (const c of text) if (c !== SOFT_HYPHEN) units += table[c] ?? widest;
  return (units * sizePt) / 1000;
}

/**
 * The widest piece of a header that must stay on one line, in points: a word, or where a soft hyphen lets it break,
 * the longest part with its printed hyphen.
 */
export function longestUnbreakablePt(text: string, sizePt: number, bold = true): number {
  let widest = 0;
  for (const word of text.replace(PLACEHOLDER, PLACEHOLDER_TEXT).split(/\s+/)) {
    const parts = word.split(SOFT_HYPHEN);
    parts.forEach((part, i) => {
      widest = Math.max(widest, textWidthPt(i < parts.length - 1 ? `${part}-` : part, sizePt, bold));
    });
  }
  return widest;
}
