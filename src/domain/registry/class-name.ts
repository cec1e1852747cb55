// Class names: a grade 0–12 and a letter, Kazakh letters included ("5Ә", "10І"), compared and sorted
// the way a school lists them (by grade, then by letter in the Kazakh alphabet).
import { compareText } from '../collate';

export interface ClassName {
  grade: number;
  letter: string;
  name: string;
}

const parsed = new Map<string, ClassName | null>();

/** Reads "5А", "5 а", "5-А", "10І"; the canonical name is the grade and the letter in capitals. */
export function parseClassName(text: string): ClassName | null {
  let name = parsed.get(text);
  if (name === undefined) {
    name = parse(text);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(text, name);
  }
  return name;
}

function parse(text: string): ClassName | null {
  const m = /^\s*(\d{1,2})\s*[-"'«]?\s*([\p{L}]{0,2})\s*["'»]?\s*(?:сынып|класс)?\s*$/iu.exec(text.normalize('NFC'));
  if (!m) return null;
  const grade = Number(m[1]);
  if (grade > 12) return null;
  const letter = m[2].toUpperCase();
  return { grade, letter, name: `${grade}${letter}` };
}

export function canonicalClassName(text: string): string {
  return parseClassName(text)?.name ?? text.trim();
}

export function compareClassNames(a: string, b: string): number {
  const pa = parseClassName(a);
  const pb = parseClassName(b);
  if (pa && pb) return pa.grade - pb.grade || compareText(pa.letter, pb.letter);
  if (pa) return -1;
  if (pb) return 1;
  return compareText(a, b);
}

/** The same class one grade up ("9Ә" → "10Ә"). */
export function promote(name: ClassName): ClassName {
  const grade = name.grade + 1;
  return { grade, letter: name.letter, name: `${grade}${name.letter}` };
}
