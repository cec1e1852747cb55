// The default report templates, by the name a job of the reports tab uses (sheets-template/reports/NAME.LANG.docx).
import { resolve } from 'node:path';
import PizZip from 'pizzip';
import type { DefaultTemplateName } from '../../src/reports/jobs';
import { aidRes64, aidRoad } from './aid';
import { annualReport } from './annual-report';
import { caseTemplateBuilders, type CaseTemplateName } from './cases';
import { classPassport } from './class-passport';
import { districtReport } from './district';
import type { Lang } from './common';
import { inspectionAct, inspectionSchedule } from './inspection';
import { movementClass, movementSchool } from './movement';
import { list, listFamilies, listMeals, listOrphans, listRegisters, listRes64 } from './lists';
import { plan } from './plan';
import { profile } from './profile';
import { schoolPassport } from './school-passport';

// `district` is not a job of a school's reports tab: `qamqor reports` makes it from a district workbook.
// The case file's documents (`qamqor cases reports`) are not jobs of the reports tab either.
export const templateBuilders: Record<DefaultTemplateName | 'district' | CaseTemplateName, (lang: Lang) => Uint8Array> = {
  'annual-report': annualReport,
  'school-passport': schoolPassport,
  'class-passport': classPassport,
  list,
  'list-orphans': listOrphans,
  'list-families': listFamilies,
  'list-registers': listRegisters,
  'list-res64': listRes64,
  'list-meals': listMeals,
  profile,
  'aid-road': aidRoad,
  'aid-res64': aidRes64,
  plan,
  'movement-class': movementClass,
  'movement-school': movementSchool,
  'inspection-schedule': inspectionSchedule,
  'inspection-act': inspectionAct,
  district: districtReport,
  ...caseTemplateBuilders,
};

export const LANGS: Lang[] = ['kk', 'ru'];

export function templateFileName(name: DefaultTemplateName | 'district' | CaseTemplateName, lang: Lang): string {
  return `${name}.${lang}.docx`;
}

export const TEMPLATES_DIR = resolve(__dirname, '../../sheets-template/reports');

/** The parts of a .docx as text, for comparing two builds whatever the zip's dates and compression. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const zip = new PizZip(bytes);
  return Object.fromEntries(
    Object.keys(zip.files)
      .filter((name) => !zip.files[name]!.dir)
      .sort()
      .map((name) => [name, zip.file(name)!.asText()]),
  );
}

export function sameDocx(a: Uint8Array, b: Uint8Array): boolean {
  return JSON.stringify(docxParts(a)) === JSON.stringify(docxParts(b));
}
