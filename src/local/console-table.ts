// Aligned plain-text tables for the terminal: numbers right-aligned, text left, one space of air.

/** Characters a terminal shows as one column each; Cyrillic and Kazakh letters are single width. */
function width(text: string): number {
  let w = 0;
  for (const ch of text.normalize('NFC')) w += /\p{M}/u.test(ch) ? 0 : 1;
  return w;
}

function pad(text: string, to: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return right ? fill + text : text + fill;
}

export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || /^[−+\-]?[\d\s\u00a0,./%—]*$/.test(String(r[i] ?? ''))));
  const widths = header.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => pad(c ?? '', widths[i], numeric[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
