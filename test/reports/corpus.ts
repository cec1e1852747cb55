// The conformance corpus: every default template × language × a fixed model of the fixture school. Every renderer
// (.docx here, Google Docs later) fills them, and its document's text must equal the engine's `expectedText`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../src/domain/template';
import { DocxPackage } from '../../src/local/docx/package';
import { readDocx } from '../../src/local/docx/read';
import { DEFAULT_TEMPLATES_DIR } from '../../src/local/report-files';
import { expectedText } from '../../src/reports/conformance';
import type { DefaultTemplateName } from '../../src/reports/jobs';
import { imageValue, type ModelObject } from '../../src/reports/model';
import { classPassportModel } from '../../src/reports/models/class-passport';
import { reportContext, type ReportContext } from '../../src/reports/models/context';
import { defaultLists } from '../../src/reports/models/lists';
import { listModel } from '../../src/reports/models/lists';
import { res64PaymentsModel, roadModel } from '../../src/reports/models/aid';
import { planDocModel } from '../../src/reports/models/plan';
import { profileModel } from '../../src/reports/models/profile';
import { actModel, movementClassModel, movementSchoolModel, scheduleModel } from '../../src/reports/models/registers';
import type { InspectionAct } from '../../src/domain/registers/inspections';
import { schoolModel, type ChartPainter } from '../../src/reports/models/school';
import { fixture, TODAY } from './fixture';

/** A real 1×1 PNG: charts are pictures, their pixels are not what the corpus compares. */
export const DOT = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'),
);

export const dotCharts: ChartPainter = (chart) => imageValue(DOT, { width: 600, height: 300 }, 'image/png', chart.title);

export interface CorpusCase {
  /** "class-passport.kk": the template file's name without extension. */
  name: string;
  template: DefaultTemplateName;
  lang: Lang;
  model: ModelObject;
}

const models: Record<DefaultTemplateName, (ctx: ReportContext) => ModelObject> = {
  'annual-report': (ctx) => schoolModel(ctx, dotCharts),
  'school-passport': (ctx) => schoolModel(ctx, dotCharts),
  'class-passport': (ctx) => classPassportModel(ctx, '5А'),
  list: (ctx) => listModel(ctx, { key: 'special_needs', ...defaultLists.special_needs }),
  'list-orphans': (ctx) => listModel(ctx, { key: 'orphans', ...defaultLists.orphans }),
  'list-families': (ctx) => listModel(ctx, { key: 'large_families', ...defaultLists.large_families }),
  'list-registers': (ctx) => listModel(ctx, { key: 'registers', ...defaultLists.registers }),
  'list-res64': (ctx) => listModel(ctx, { key: 'res64', ...defaultLists.res64 }),
  'list-meals': (ctx) => listModel(ctx, { key: 'free_meals', ...defaultLists.free_meals }),
  profile: (ctx) => profileModel(ctx, ctx.pupils.find((p) => p.categories.includes('orphan'))!),
  'aid-road': roadModel,
  'aid-res64': res64PaymentsModel,
  plan: planDocModel,
  'movement-class': (ctx) => movementClassModel(ctx, '5А'),
  'movement-school': movementSchoolModel,
  'inspection-schedule': scheduleModel,
  'inspection-act': (ctx) => actModel(ctx, sampleAct(ctx.pupils.find((p) => p.categories.includes('orphan'))!.iin)),
};

/** An act of the fixture's orphan, every field filled. */
function sampleAct(iin: string): InspectionAct {
  return {
    row: 2, date: '2025-10-14', iin, fullName: '', commission: 'Серікова А. Қ., әлеуметтік педагог; Омарова Б. Т., сынып жетекшісі',
    parents: 'Әбенова Гүлнар, зейнеткер, зейнетақы 95 000 ₸', family: 'әжесі (67 жас, зейнеткер), інісі (8 жас, оқушы)', housing: 'own', housingText: 'own',
    rooms: 3, area: '64', heating: 'орталық', water: 'орталық', sanitary: 'good', sanitaryText: 'good', ownBed: true, studyPlace: true, clothing: false,
    climate: 'жылы, қамқор', conclusion: 'Тұрмыс жағдайы қанағаттанарлық', recommendations: 'ЖББҚ есебінен киіммен көмек көрсету',
  };
}

export function corpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const lang of ['kk', 'ru'] as const) {
    const { registry, passport } = fixture(lang);
    const ctx = reportContext(registry, passport, { lang, today: TODAY });
    for (const [template, make] of Object.entries(models) as [DefaultTemplateName, (ctx: ReportContext) => ModelObject][]) {
      cases.push({ name: `${template}.${lang}`, template, lang, model: make(ctx) });
    }
  }
  return cases;
}

export function templateBytes(c: CorpusCase): Uint8Array {
  return readFileSync(join(DEFAULT_TEMPLATES_DIR, `${c.name}.docx`));
}

/** The engine's text of a .docx template filled with a model: what every renderer's output must read as. */
export function expectedDocxText(template: Uint8Array, model: ModelObject, name = 'template'): string {
  return expectedText(readDocx(new DocxPackage(template)).tree, model, name);
}
