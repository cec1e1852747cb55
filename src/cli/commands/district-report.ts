// `qamqor reports` on a district workbook: the district's analytical report as .docx, in --lang's language or, when
// none is given, in Kazakh and in Russian (the department files both). Reached from reports.ts, which routes here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { districtWords } from '../../domain/i18n';
import type { Lang } from '../../domain/template';
import { paintChart } from '../../local/charts';
import { openDistrictWorkbook } from '../../local/district-files';
import { renderDocx } from '../../local/docx';
import { DEFAULT_TEMPLATES_DIR } from '../../local/report-files';
import { readFileSync } from 'node:fs';
import { districtReportModel } from '../../reports/models/district';
import { cli, t } from '../messages';
import type { CommandArgs, Output } from '../context';
import { isoDay } from './reports';

/** The district's report; null when the workbook is not a district workbook (the caller then says what it is not). */
export async function districtReports(bookPath: string, args: CommandArgs, io: Output): Promise<number | null> {
  const opened = await openDistrictWorkbook(bookPath);
  if (!opened) return null;
  const { district } = opened;
  const messages: Lang = args.lang ?? opened.lang;
  const outDir = resolve(args.out!);
  mkdirSync(outDir, { recursive: true });
  const langs: Lang[] = args.lang ? [args.lang] : ['kk', 'ru'];
  const written: string[] = [];
  for (const lang of langs) {
    const name = `district.${lang}.docx`;
    const template = readFileSync(join(DEFAULT_TEMPLATES_DIR, name));
    const model = districtReportModel(district, { lang, today: isoDay(args.today), paint: paintChart });
    const file = join(outDir, `${districtWords.reportFile[lang]} ${district.schoolYear}.docx`);
    writeFileSync(file, renderDocx(template, model, { template: name }));
    written.push(file);
    io.out(t(cli.reportWritten, messages, { file }));
  }
  io.out(t(cli.reportsDone, messages, { count: written.length, dir: outDir }));
  return 0;
}
