// Writes src/local/docx/serif-widths.json: the advance widths of Liberation Serif (metric-compatible with Times New
// Roman, the documents' font) for the letters documents use, so template widths are computed without the font.
// Run once where the font is installed (`fonts-liberation2`): node bin/run-ts.js scripts/font-metrics.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'opentype.js';

const FONTS = '/usr/share/fonts/truetype/liberation2';
const chars = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  ...Array.from({ length: 256 }, (_, i) => String.fromCharCode(0x400 + i)),
  ...'«»–—№₸…‘’“”\u00A0\u00AD',
];

function widths(file: string): Record<string, number> {
  const bytes = readFileSync(join(FONTS, file));
  const font = parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const out: Record<string, number> = {};
  for (const c of chars) {
    const glyph = font.charToGlyph(c);
    // Thousandths of an em; a letter the font lacks is left out (measured as the widest letter).
    if (glyph.index !== 0) out[c] = Math.round(((glyph.advanceWidth ?? 0) * 1000) / font.unitsPerEm);
  }
  return out;
}

const table = { regular: widths('LiberationSerif-Regular.ttf'), bold: widths('LiberationSerif-Bold.ttf') };
writeFileSync(join(__dirname, '..', 'src', 'local', 'docx', 'serif-widths.json'), JSON.stringify(table) + '\n');
console.log(`${Object.keys(table.bold).length} letters`);
