// The demo's output folder: the demo writes over files of its own names there, so it takes a folder only when the folder
// is new, empty, or one it made before (its marker file); for anyone else's folder it asks, or refuses where no one can answer.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../domain/template';
import type { Output } from './context';
import { demoFolder, t, YES_ANSWERS } from './messages';

/** Left in every folder the demo makes: its next run knows the folder as its own and replaces it without asking. */
export const DEMO_MARKER = '.qamqor-demo';

/** True when the demo may write into `dir` (and then it is made and marked); false after the refusal is said. */
export async function claimDemoFolder(dir: string, lang: Lang, io: Output): Promise<boolean> {
  if (isSomeoneElses(dir)) {
    if (!io.ask) {
      io.err(t(demoFolder.refused, lang, { dir }));
      return false;
    }
    const answer = (await io.ask(t(demoFolder.question, lang, { dir }))).trim().toLowerCase();
    if (!YES_ANSWERS.has(answer)) {
      io.err(t(demoFolder.declined, lang, { dir }));
      return false;
    }
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, DEMO_MARKER), 'This folder was made by `qamqor demo`; its next run replaces the files it wrote here.\n');
  return true;
}

/** A folder with files in it and no marker. A path that is a file is left to mkdir, whose error names it. */
function isSomeoneElses(dir: string): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  const entries = readdirSync(dir);
  return entries.length > 0 && !entries.includes(DEMO_MARKER);
}
