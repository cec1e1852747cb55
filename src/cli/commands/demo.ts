// `qamqor demo`: the whole offline flow on a generated school — CSV, new registry, import, validation,
// passport compared with last year's workbook, snapshot, every report as .docx, and the next school year on a copy.
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { passportWithDynamics, writePassportChanges } from '../../app/build-passport';
import { issueRows, writeIssues } from '../../app/issues-tab';
import { demoCsvRows } from '../../app/demo-csv';
import { demoReportChanges } from '../../app/demo-reports';
import { demoPlanDay } from '../../app/plan-demo';
import { applyDemoRegisters, demoInspectionsDay, demoMovementMonth } from '../../app/demo-registers';
import { inspectionsOf } from '../../app/inspections';
import { movementOfMonth } from '../../domain/registers/movements';
import { aidSummary } from '../../domain/registers/aid';
import { planReport } from '../../domain/registers/plan';
import { generateSchool, type DemoSchool } from '../../app/demo-school';
import { planImport } from '../../app/import-pupils';
import { newYearOpensOn, planNewYear } from '../../app/new-year';
import { planSetup } from '../../app/setup';
import { planSnapshot } from '../../app/snapshot';
import { readRegistry } from '../../domain/registry/registry';
import type { Lang } from '../../domain/template';
import { validateRegistry } from '../../domain/registry/validate';
import { readCsvFile, writeCsvFile } from '../../local/csv-file';
import { withWorkbookLock } from '../../local/file-lock';
import { XlsxWorkbook } from '../../local/xlsx-workbook';
import { cli, registersText, t } from '../messages';
import type { CommandArgs, Output } from '../context';
import { claimDemoFolder } from '../demo-folder';
import { describeNewYear } from './new-year';
import { demoCaseFile } from './cases-demo';
import { formatPassport } from './passport';
import { isoDay, makeReports } from './reports';
import { formatIssues } from './validate';

/** A registry file made the way a school would: init, then import of its pupils CSV. */
async function buildRegistry(school: DemoSchool, csvPath: string, bookPath: string, lang: Lang, today: Date): Promise<XlsxWorkbook> {
  writeCsvFile(csvPath, demoCsvRows(school));
  const workbook = XlsxWorkbook.create();
  workbook.apply(
    planSetup(workbook.read(), {
      lang,
      settings: { school_name: school.schoolName, school_year: school.schoolYear, social_pedagogue: school.socialPedagogue, director: school.director },
      classes: school.classes.map((c) => ({ name: c.name, teacher: c.teacher, teacherEmail: c.teacherEmail, instructionLanguage: c.instructionLanguage })),
    }).changes,
  );
  workbook.apply(planImport(workbook.read(), await readCsvFile(csvPath), csvPath, today).changes);
  await workbook.save(bookPath);
  return workbook;
}

export async function demoCommand(args: CommandArgs, io: Output): Promise<number> {
  const dir = resolve(args.out ?? 'demo-out');
  const lang = args.lang ?? 'kk';
  if (!(await claimDemoFolder(dir, lang, io))) return 2;
  const bookPath = join(dir, 'registry.xlsx');
  const lastPath = join(dir, 'registry-2024-2025.xlsx');
  const nextPath = join(dir, 'registry-next-year.xlsx');
  // The demo's books are locked like any other (always in this order): two demos into one folder cannot interleave.
  const locked = (path: string, fn: () => Promise<number>) => withWorkbookLock(path, 'qamqor demo', fn);
  return locked(bookPath, () => locked(lastPath, () => locked(nextPath, () => demoIn(dir, lang, { bookPath, lastPath, nextPath }, args, io))));
}

async function demoIn(dir: string, lang: Lang, paths: { bookPath: string; lastPath: string; nextPath: string }, args: CommandArgs, io: Output): Promise<number> {
  const { bookPath, lastPath, nextPath } = paths;
  for (const f of [bookPath, lastPath, nextPath]) rmSync(f, { force: true });

  const school = generateSchool({ pupils: args.pupils, language: lang, schoolYear: '2025-2026' });
  const lastSchool = generateSchool({ pupils: args.pupils, language: lang, schoolYear: '2024-2025', seed: 20240901 });
  const workbook = await buildRegistry(school, join(dir, 'pupils.csv'), bookPath, lang, args.today);
  await buildRegistry(lastSchool, join(dir, 'pupils-2024-2025.csv'), lastPath, lang, args.today);
  io.out(t(cli.demoGenerated, lang, { pupils: school.pupils.length, classes: school.classes.length, file: bookPath }));
  // A year of the roll over time and of housing acts, imported as the pedagogue would (src/app/demo-registers.ts).
  const registers = applyDemoRegisters(workbook, school, args.today);
  writeCsvFile(join(dir, 'arrivals.csv'), registers.arrivals);
  writeCsvFile(join(dir, 'movements.csv'), registers.movements);
  writeCsvFile(join(dir, 'inspections.csv'), registers.acts);
  await workbook.save(bookPath);
  const moved = registers.movements.slice(1).map((r) => r[2]);
  io.out(t(registersText.demoRegisters, lang, { arrived: registers.arrivals.length - 1, left: moved.filter((k) => k === 'left').length, transferred: moved.filter((k) => k === 'transferred').length, acts: registers.acts.length - 1 }));

  const registry = readRegistry(workbook.read());
  const issues = validateRegistry(registry, args.today);
  writeFileSync(join(dir, 'validation.json'), JSON.stringify(issues, null, 2));
  // As `qamqor validate --write` does: the registry's issues tab lists what validation.json holds.
  workbook.apply(writeIssues(registry, issueRows(registry, issues, registry.lang), registry.lang).changes);
  io.out('');
  io.out(formatIssues(issues, lang, registry.pupils.length, registry.classTabs.length));

  const passport = passportWithDynamics(registry, readRegistry((await XlsxWorkbook.open(lastPath)).read()));
  workbook.apply(writePassportChanges(registry, passport));
  workbook.apply(planSnapshot(readRegistry(workbook.read()), passport, args.today).changes);
  await workbook.save(bookPath);
  writeFileSync(join(dir, 'passport.json'), JSON.stringify(passport, null, 2));
  io.out('');
  io.out(formatPassport(passport, registry.catalogue, lang, registry.settings.schoolName));

  // The pedagogue's notes for the annual report and a profile job, then every report of the reports tab.
  workbook.apply(demoReportChanges(readRegistry(workbook.read())));
  await workbook.save(bookPath);
  const reportsDir = join(dir, 'reports');
  rmSync(reportsDir, { recursive: true, force: true });
  // The demo school has its deliberate mistakes: final documents are refused (said on stderr), drafts are made.
  const options = { io, lang, outDir: reportsDir, baseDir: dir, only: [], today: isoDay(args.today), quiet: true };
  const registryNow = readRegistry(workbook.read());
  // The aid register's year and the plan on the demo's day, as `qamqor aid --json` and `qamqor plan --json` print them.
  writeFileSync(join(dir, 'aid.json'), JSON.stringify(aidSummary(registryNow), null, 2));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(planReport(registryNow, demoPlanDay(registryNow)), null, 2));
  // January's movement and the housing acts on 20 February, as `qamqor movement --json` and `inspections --json` print them.
  writeFileSync(join(dir, 'movement.json'), JSON.stringify(movementOfMonth(registryNow, demoMovementMonth(registryNow)), null, 2));
  writeFileSync(join(dir, 'inspections.json'), JSON.stringify(inspectionsOf(registryNow, demoInspectionsDay(registryNow)).report, null, 2));
  const final = makeReports(registryNow, passport, options);
  const reports = final.written.length > 0 ? final : makeReports(registryNow, passport, { ...options, draft: true });
  io.out(t(cli.demoReports, lang, { count: reports.written.length, dir: reportsDir, draft: reports === final ? '' : 1 }));

  // The pedagogue's confidential case file: a workbook of its own beside the registry, never inside it.
  await demoCaseFile(dir, school, registryNow, lang, io);

  copyFileSync(bookPath, nextPath);
  const next = await XlsxWorkbook.open(nextPath);
  const nextRegistry = readRegistry(next.read());
  // The demo school's year may not have reached May yet: the copy moves on as it would at the end of its year.
  const opens = nextRegistry.settings.schoolYear ? new Date(`${newYearOpensOn(nextRegistry.settings.schoolYear)}T00:00:00Z`) : args.today;
  const plan = planNewYear(nextRegistry, passport, args.today < opens ? opens : args.today);
  next.apply(plan.changes);
  await next.save(nextPath);
  io.out('');
  io.out(describeNewYear(plan, lang));
  io.out(t(cli.demoDone, lang, { dir }));
  return 0;
}
