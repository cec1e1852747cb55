// The demo school as an .xlsx registry, set up and imported the way the demo command does, without its other steps.
import { demoImportTable } from '../../src/app/demo-csv';
import { generateSchool, type DemoOptions, type DemoSchool } from '../../src/app/demo-school';
import { planImport } from '../../src/app/import-pupils';
import { planSetup } from '../../src/app/setup';
import type { WorkbookPort } from '../../src/app/workbook-port';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';

type Options = DemoOptions & { language: 'kk' | 'ru' };

function fill(workbook: WorkbookPort, options: Options): DemoSchool {
  const school = generateSchool(options);
  workbook.apply(
    planSetup(workbook.read(), {
      lang: options.language,
      settings: { school_name: school.schoolName, school_year: school.schoolYear, social_pedagogue: school.socialPedagogue, director: school.director },
      classes: school.classes.map((c) => ({ name: c.name, teacher: c.teacher, teacherEmail: c.teacherEmail, instructionLanguage: c.instructionLanguage })),
    }).changes,
  );
  workbook.apply(planImport(workbook.read(), demoImportTable(school), 'pupils.csv', new Date('2025-10-01T00:00:00Z')).changes);
  return school;
}

export async function demoXlsx(path: string, options: Options, more: (workbook: XlsxWorkbook) => void = () => {}): Promise<DemoSchool> {
  const workbook = XlsxWorkbook.create();
  const school = fill(workbook, options);
  more(workbook);
  await workbook.save(path);
  return school;
}
