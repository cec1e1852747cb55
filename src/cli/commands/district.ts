// `qamqor district`: many schools' passports rolled up for the district, from .xlsx files and/or from Google Sheets
// (--google), written to the district workbook; every school left out is named and the exit status is then 1.
import { existsSync, promises as fs } from 'node:fs';
import { planDistrictWorkbook } from '../../app/district';
import { problemMessage } from '../../domain/district/problems';
import { districtJson, type SchoolSource } from '../../domain/district/roll-up';
import type { SourceProblem } from '../../domain/district/school-passport';
import { districtTitles, say, words } from '../../domain/i18n';
import type { Lang } from '../../domain/template';
import { formatTable } from '../../local/console-table';
import { isDistrictWorkbook, readSchoolFile, writeDistrictWorkbook } from '../../local/district-files';
import { withWorkbookLock } from '../../local/file-lock';
import { GoogleSetupError, parseIdsText, readSchoolsFromGoogle, type SchoolLine } from '../../local/google-district';
import { districtText, placeholders, t } from '../messages';
import { UsageError, type CommandArgs, type Output } from '../context';

export async function districtCommand(args: CommandArgs, io: Output): Promise<number> {
  // The district's workbook is new: its language is --lang's (Kazakh unless asked), as are the messages.
  const lang: Lang = args.lang ?? 'kk';
  const [outPath, ...schoolPaths] = args.positionals;
  if (!outPath) throw new UsageError('district <district.xlsx>');
  if (schoolPaths.length === 0 && !args.google) throw new UsageError(t(districtText.noSchools, lang, { arg: placeholders['schools…'][lang] }), lang);
  // A school's registry typed first by mistake must never be overwritten by a district.
  await refuseForeignOut(outPath, lang);

  const sources: SchoolSource[] = [];
  for (const path of schoolPaths) sources.push(await readSchoolFile(path, lang));
  if (args.google) sources.push(...(await googleSources(args.google, args.credentials, lang, io)));

  const plan = planDistrictWorkbook(sources, { lang, year: args.year });
  const { district } = plan;
  await withWorkbookLock(outPath, 'qamqor district', async () => {
    await refuseForeignOut(outPath, lang);
    await writeDistrictWorkbook(outPath, plan.changes, plan.chart, lang);
  });

  for (const p of district.problems) io.err(problemMessage(p, lang, district.schoolYear));
  if (args.json) {
    io.out(JSON.stringify(districtJson(district), null, 2));
  } else {
    const rows = district.schools.map((s) => [s.name, s.students, s.families]);
    rows.push([words.total[lang], district.total.students, district.total.families]);
    io.out([say(districtTitles.summary, lang, { year: district.schoolYear }), '', formatTable([words.school[lang], words.students[lang], words.families[lang]], rows)].join('\n'));
    io.out(t(districtText.written, lang, { file: outPath, schools: district.schools.length, students: district.total.students, families: district.total.families }));
  }
  if (district.schools.length === 0) io.err(t(districtText.nothingSummed, lang));
  if (district.problems.length > 0) io.err(t(districtText.excluded, lang, { count: district.problems.length }));
  return district.problems.length > 0 ? 1 : 0;
}

async function refuseForeignOut(path: string, lang: Lang): Promise<void> {
  if (existsSync(path) && !(await isDistrictWorkbook(path))) throw new UsageError(t(districtText.outNotDistrict, lang, { file: path }), lang);
}

/**
 * The schools of ids.txt, in its order. Testing hooks, documented in the README: QAMQOR_SHEETS_ROOT_URL points the
 * Sheets API at a local server; QAMQOR_SHEETS_BACKOFF_MS shortens the first wait after a quota error.
 */
async function googleSources(idsFile: string, credentials: string | undefined, lang: Lang, io: Output): Promise<SchoolSource[]> {
  let text: string;
  try {
    text = await fs.readFile(idsFile, 'utf8');
  } catch (e) {
    throw new UsageError(t(districtText.ids_unreadable, lang, { file: idsFile, detail: (e as NodeJS.ErrnoException).code ?? String(e) }), lang);
  }
  const entries = parseIdsText(text, idsFile);
  if (entries.length === 0) throw new UsageError(t(districtText.idsEmpty, lang, { file: idsFile }), lang);
  const lines = entries.filter((e): e is SchoolLine => 'spreadsheetId' in e);
  const keyFile = credentials ?? process.env.GOOGLE_APPLICATION_CREDENTIALS;
  if (lines.length > 0 && !keyFile) throw new UsageError(t(districtText.no_credentials, lang), lang);
  const read = new Map<string, SchoolSource>();
  if (lines.length > 0) {
    const backoff = Number(process.env.QAMQOR_SHEETS_BACKOFF_MS);
    try {
      const result = await readSchoolsFromGoogle(lines, {
        keyFile: keyFile!,
        defaultLang: lang,
        rootUrl: process.env.QAMQOR_SHEETS_ROOT_URL || undefined,
        backoffMs: Number.isFinite(backoff) && backoff >= 0 && process.env.QAMQOR_SHEETS_BACKOFF_MS ? backoff : undefined,
        onProgress: io.status
          ? (done, total) => {
              const width = 24;
              const filled = Math.round((done / total) * width);
              io.status!(t(districtText.progress, lang, { bar: `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`, done, total }));
              if (done === total) io.status!('');
            }
          : undefined,
      });
      lines.forEach((line, i) => read.set(line.source, result.sources[i]!));
    } catch (e) {
      if (e instanceof GoogleSetupError) throw new UsageError(t(districtText[e.code], lang, { file: e.file, detail: e.detail }), lang);
      throw e;
    }
  }
  return entries.map((e) => ('spreadsheetId' in e ? read.get(e.source)! : (e as SourceProblem)));
}

