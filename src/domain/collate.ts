// Sorting and matching text with Kazakh letters: ә after а, ғ after г, қ after к, ң after н,
// ө after о, ұ ү after у, һ after х, і after ы, as in the Kazakh Cyrillic alphabet.

const KAZAKH_ORDER = 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя';
const RANK = new Map([...KAZAKH_ORDER].map((ch, i) => [ch, i]));

function key(text: string): number[] {
  const out: number[] = [];
  for (const ch of text.normalize('NFC').toLowerCase()) {
    const r = RANK.get(ch);
    // Latin and digits sort before Cyrillic, other characters after, by code point.
    out.push(r !== undefined ? 1000 + r : ch <= 'z' ? ch.codePointAt(0)! : 2000 + ch.codePointAt(0)!);
  }
  return out;
}

const cache = new Map<string, number[]>();

function cachedKey(text: string): number[] {
  let k = cache.get(text);
  if (!k) {
    if (cache.size > 50_000) cache.clear();
    k = key(text);
    cache.set(text, k);
  }
  return k;
}

/** Compares two texts in Kazakh alphabetical order, case-insensitively, then by exact text. */
export function compareText(a: string, b: string): number {
  const ka = cachedKey(a);
  const kb = cachedKey(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
  return ka.length - kb.length || (a < b ? -1 : a > b ? 1 : 0);
}
