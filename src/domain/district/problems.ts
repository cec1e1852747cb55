// The sentence that names a school left out of the district, in the language asked, whatever its source.
import { districtProblems, districtWords, say, xlsxProblems, type XlsxProblem } from '../i18n';
import type { Lang } from '../template';
import type { DistrictProblem } from './roll-up';

/** `unreadable_file`'s detail: why the file did not open, as a code worded here (a missing file or an .xlsx problem). */
export type FileProblem = 'file_missing' | XlsxProblem;

function fileReason(detail: string, lang: Lang): string {
  if (detail === 'file_missing') return districtWords.fileMissing[lang];
  if (detail in xlsxProblems) return xlsxProblems[detail as XlsxProblem][lang];
  return detail;
}

export function problemMessage(p: DistrictProblem, lang: Lang, districtYear: string): string {
  if ('school' in p) {
    return say(districtProblems[p.code], lang, { source: p.source, school: p.school.name, year: p.school.schoolYear, district: districtYear, first: p.first ?? '' });
  }
  const detail = p.code === 'unreadable_file' ? fileReason(p.detail, lang) : p.detail;
  return say(districtProblems[p.code], lang, { source: p.source, detail });
}
