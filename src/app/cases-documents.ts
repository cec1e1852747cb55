// The case file's documents and their models: per case the support plan, the council protocol extract, the profile
// and the closure summary; the curators' order and meeting report (seed 004). The registry only names pupils by IIN.
import { currentPassport } from './build-passport';
import { caseKey, type CaseFile } from '../domain/cases/case-file';
import { consentOn, bySchool, actionDay } from '../domain/cases/consent';
import { addDays } from '../domain/cases/deadlines';
import { latestReview } from '../domain/cases/stages';
import { caseStates, type CaseState } from '../domain/cases/view';
import { closureWords, documentPhrases, documentWords, overdueWords, reasonWords, sayCase, stageWords, caseWords, ruPupilForms } from '../domain/cases/words';
import { dmy } from '../domain/format';
import { ruForm } from '../domain/plural';
import type { Pupil, Registry } from '../domain/registry/registry';
import type { Lang } from '../domain/template';
import type { ModelObject } from '../reports/model';
import { ageOn, pupilLabel, reportContext, schoolBlock, type ReportContext } from '../reports/models/context';
import { profileModel, type ProfileCaseFields } from '../reports/models/profile';

/** The documents by the word `--only` takes, each with its template (sheets-template/reports/NAME.LANG.docx). */
export const CASE_DOCUMENTS = {
  plan: 'case-plan',
  protocol: 'case-protocol',
  profile: 'profile',
  summary: 'case-summary',
  order: 'curator-order',
  meeting: 'curators-report',
} as const;
export type CaseDocumentKind = keyof typeof CASE_DOCUMENTS;

export function isCaseDocumentKind(word: string): word is CaseDocumentKind {
  return Object.prototype.hasOwnProperty.call(CASE_DOCUMENTS, word);
}

export interface CaseDocument {
  kind: CaseDocumentKind;
  template: (typeof CASE_DOCUMENTS)[CaseDocumentKind];
  lang: Lang;
  /** The file name without extension: the case id and the document, never the pupil's name (a folder listing is seen). */
  name: string;
  model: ModelObject;
  caseId: string | null;
}

export interface CaseDocumentsOptions {
  lang: Lang;
  /** The day the documents are made and dated, YYYY-MM-DD; deadlines and ages are on it. */
  today: string;
  /** Only these cases (ids as written); all when empty. */
  cases?: readonly string[];
  /** Only these documents; all when empty. */
  only?: readonly CaseDocumentKind[];
}

export interface CaseDocumentsPlan {
  documents: CaseDocument[];
  /** Ids of `cases` the case file does not have. */
  unknownCases: string[];
  /** Cases whose pupil the registry does not know: their profile cannot be made (its registry fields would be empty). */
  noProfile: string[];
}

const date = (iso: string | null) => (iso ? dmy(iso) : '');
/** «85 %» kept on one line. */
const PCT = '\u00a0%';

export function planCaseDocuments(file: CaseFile, registry: Registry, options: CaseDocumentsOptions): CaseDocumentsPlan {
  const { lang, today } = options;
  const pupilsByIin = new Map<string, Pupil>();
  for (const p of registry.pupils) if (p.iin && !pupilsByIin.has(p.iin)) pupilsByIin.set(p.iin, p);
  const states = caseStates(file, today, (iin) => {
    const p = pupilsByIin.get(iin);
    return p ? { fullName: p.fullName, className: p.className } : null;
  });
  const wanted = new Set((options.cases ?? []).map(caseKey));
  const unknownCases = (options.cases ?? []).filter((id) => !states.some((s) => caseKey(s.case.id) === caseKey(id)));
  const chosen = wanted.size ? states.filter((s) => wanted.has(caseKey(s.case.id))) : states;
  const kinds = new Set<CaseDocumentKind>(options.only?.length ? options.only : (Object.keys(CASE_DOCUMENTS) as CaseDocumentKind[]));

  // The registry's context gives the school's heading and the profile's registry fields; the date is the day made.
  const ctx: ReportContext = { ...reportContext(registry, currentPassport(registry), { lang, today }), today };
  const school = { ...schoolBlock(ctx), date: dmy(today) };
  const documents: CaseDocument[] = [];
  const add = (kind: CaseDocumentKind, name: string, model: ModelObject, caseId: string | null) =>
    documents.push({ kind, template: CASE_DOCUMENTS[kind], lang, name, model: { school, ...model }, caseId });
  const noProfile: string[] = [];

  for (const s of chosen) {
    const open = s.stage !== 'closed';
    const opened = s.case.openedOn !== null;
    const base = { case: caseBlock(s, file, lang), pupil: pupilBlock(s, pupilsByIin.get(s.case.iin) ?? null, lang, today) };
    const named = (kind: CaseDocumentKind) => `${s.case.id} ${documentWords[kind][lang]}`;
    if (kinds.has('protocol') && opened && open) add('protocol', named('protocol'), base, s.case.id);
    if (kinds.has('plan') && opened && open) add('plan', named('plan'), { ...base, ...planPart(s, file, lang, today) }, s.case.id);
    if (kinds.has('profile') && open) {
      const pupil = pupilsByIin.get(s.case.iin);
      if (pupil) add('profile', named('profile'), profileModel(ctx, pupil, profileFields(s, ctx, pupil)), s.case.id);
      else noProfile.push(s.case.id);
    }
    if (kinds.has('summary') && !open) add('summary', named('summary'), { ...base, ...summaryPart(s, file, lang, today) }, s.case.id);
  }

  // The order names the open cases whose curator no order has fixed yet (those opened since the last order), or the
  // chosen ones that have a curator.
  const forOrder = chosen.filter((s) => s.stage !== 'closed' && s.case.curator !== '' && (wanted.size > 0 || s.case.curatorOrder === ''));
  if (kinds.has('order') && forOrder.length > 0) {
    const curators = [...new Set(forOrder.map((s) => s.case.curator))].map((name) => ({ name }));
    add('order', documentWords.order[lang], {
      rows: forOrder.map((s) => ({
        full_name: nameOf(s),
        class: s.pupil?.className ?? '',
        curator: s.case.curator,
        basis: s.case.councilProtocol ? `№ ${s.case.councilProtocol}${s.case.openedOn ? `, ${dmy(s.case.openedOn)}` : ''}` : '',
      })),
      curators,
    }, null);
  }
  const forMeeting = chosen.filter((s) => s.stage !== 'closed');
  if (kinds.has('meeting') && (forMeeting.length > 0 || wanted.size === 0)) {
    const year = registry.settings.schoolYear;
    const closedThisYear = chosen.filter((s) => s.stage === 'closed' && (!year || (s.case.closedOn ?? '') >= `${year.start}-09-01`)).length;
    add('meeting', `${documentWords.meeting[lang]} ${today}`, {
      counts: { open: forMeeting.length, overdue: forMeeting.filter((s) => s.deadlines.overdue.length > 0).length, closed: closedThisYear },
      has_rows: forMeeting.length > 0,
      rows: forMeeting.map((s) => {
        const r = latestReview(s.reviews);
        return {
          id: s.case.id,
          full_name: nameOf(s),
          class: s.pupil?.className ?? '',
          curator: s.case.curator,
          stage: stageWords[s.stage][lang],
          latest_review: r ? reviewLine(r, lang) : '',
          overdue: s.deadlines.overdue.map((k) => overdueWords[k][lang]).join('; '),
          next_review: date(s.deadlines.nextReview),
        };
      }),
    }, null);
  }
  return { documents, unknownCases, noProfile };
}

function nameOf(s: CaseState): string {
  return s.pupil?.fullName ?? s.case.fullName;
}

function caseBlock(s: CaseState, file: CaseFile, lang: Lang): ModelObject {
  const c = s.case;
  const start = c.openedOn;
  const days = c.closedOn && c.identifiedOn ? Math.round((Date.parse(c.closedOn) - Date.parse(c.identifiedOn)) / 86_400_000) : null;
  return {
    id: c.id,
    reason: c.reason ? reasonWords[c.reason][lang] : '',
    identified_on: date(c.identifiedOn),
    identified_by: c.identifiedBy,
    opened_on: date(c.openedOn),
    council_protocol: c.councilProtocol,
    curator: c.curator,
    curator_order: c.curatorOrder ? sayCase(documentPhrases.order, lang, { number: c.curatorOrder, date: date(c.curatorOrderDate) }) : '',
    stage: stageWords[s.stage][lang],
    closed_on: date(c.closedOn),
    closure_reason: c.closureReason ? closureWords[c.closureReason][lang] : '',
    duration: days === null ? '' : sayCase(documentPhrases.days, lang, { n: days, form: ruForm(days, ['день', 'дня', 'дней']) }),
    next_review: date(s.deadlines.nextReview),
    plan_due: start ? dmy(addDays(start, file.settings.firstActionDays)) : '',
    first_review: start ? dmy(addDays(start, file.settings.reviewDays)) : '',
    review_days: file.settings.reviewDays,
  };
}

function pupilBlock(s: CaseState, pupil: Pupil | null, lang: Lang, today: string): ModelObject {
  const age = ageOn(pupil?.birthDate ?? null, today);
  return {
    full_name: nameOf(s),
    class: pupil?.className ?? '',
    birth_date: date(pupil?.birthDate ?? null),
    iin: s.case.iin,
    age: age === null ? '' : String(age),
    age_words: age === null ? '' : sayCase(documentPhrases.ageRu, lang, { n: age, form: ruForm(age, ['год', 'года', 'лет']) }),
    // Russian agrees with a girl; Kazakh has no gender. A pupil the registry does not know gets both forms.
    ru: ruPupilForms[pupil?.sex ?? 'unknown'],
  };
}

function actionRows(s: CaseState, lang: Lang): ModelObject[] {
  return s.actions.map((a) => ({
    action: a.action,
    area: a.area ? reasonWords[a.area][lang] : '',
    provider: bySchool(a) ? caseWords.school[lang] : a.provider,
    responsible: a.responsible,
    due_on: date(a.dueOn),
    done_on: date(a.doneOn),
    result: a.result,
  }));
}

function planPart(s: CaseState, file: CaseFile, lang: Lang, today: string): ModelObject {
  const consent = consentOn(file.consents, s.case.iin, today);
  const outside = s.actions.filter((a) => !bySchool(a));
  return {
    actions: actionRows(s, lang),
    has_actions: s.actions.length > 0,
    consent: consent
      ? sayCase(documentPhrases.consent, lang, { representative: consent.representative, relation: consent.relation, date: date(consent.givenOn), purposes: consent.purposes })
      : caseWords.noOutsideData[lang],
    outside_without_consent: outside.some((a) => consentOn(file.consents, s.case.iin, actionDay(a, today)) === null),
  };
}

function summaryPart(s: CaseState, file: CaseFile, lang: Lang, today: string): ModelObject {
  const dated = s.reviews.filter((r) => r.date !== null);
  const first = dated[0];
  const last = dated[dated.length - 1];
  const move = (a: number | null, b: number | null, unit = '') => `${a ?? '—'}${unit} → ${b ?? '—'}${unit}`;
  return {
    ...planPart(s, file, lang, today),
    done: s.actions.filter((a) => a.doneOn !== null).length,
    total: s.actions.length,
    has_reviews: s.reviews.length > 0,
    reviews: s.reviews.map((r) => ({
      date: date(r.date),
      attendance: r.attendancePct ?? '',
      performance: r.performance ?? '',
      behaviour: r.behaviour ?? '',
      note: r.note,
    })),
    dynamics:
      first && last && first !== last
        ? sayCase(documentPhrases.dynamics, lang, {
            from: date(first.date),
            to: date(last.date),
            attendance: move(first.attendancePct, last.attendancePct, PCT),
            performance: move(first.performance, last.performance),
            behaviour: move(first.behaviour, last.behaviour),
          })
        : '',
  };
}

function reviewLine(r: NonNullable<ReturnType<typeof latestReview>>, lang: Lang): string {
  return sayCase(documentPhrases.latestReview, lang, {
    date: date(r.date),
    attendance: r.attendancePct === null ? '—' : `${r.attendancePct}${PCT}`,
    performance: r.performance ?? '—',
    behaviour: r.behaviour ?? '—',
  });
}

/**
 * The profile's case-file fields (seed 003): attendance, behaviour and performance from the latest review, health from
 * the plan's health actions, the reason from the case. Relations in class, the housing act (no inspections register
 * yet) and the characteristic stay empty: written by hand on the printed profile.
 */
export function profileFields(s: CaseState, ctx: ReportContext, pupil: Pupil): ProfileCaseFields {
  const lang = ctx.lang;
  const fields: ProfileCaseFields = {};
  const c = s.case;
  if (c.reason) {
    const categories = pupil.categories.filter((code) => ctx.categories.get(code)?.kind === 'category').map((code) => pupilLabel(ctx, code, pupil)).join('; ');
    fields.reason = sayCase(documentPhrases.caseReason, lang, { reason: reasonWords[c.reason][lang], id: c.id, date: date(c.identifiedOn), categories });
  }
  const r = latestReview(s.reviews);
  if (r) {
    const from = (value: string) => sayCase(documentPhrases.fromReview, lang, { value, date: date(r.date) });
    if (r.attendancePct !== null) fields.attendance = from(`${r.attendancePct}${PCT}`);
    if (r.behaviour !== null) fields.behaviour = from(String(r.behaviour));
    if (r.performance !== null) fields.performance = from(String(r.performance));
  }
  const health = s.actions.filter((a) => a.area === 'health');
  if (health.length > 0) {
    fields.health = health.map((a) => sayCase(documentPhrases.healthAction, lang, { action: a.action, done: date(a.doneOn), result: a.result })).join('; ');
  }
  return fields;
}
