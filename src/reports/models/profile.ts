// The pupil profile of case management (seed 003): what the registry knows filled in; the case-file fields
// (attendance, behaviour, performance, health, relations, housing act, characteristic) from a case when given one.
import type { Pupil } from '../../domain/registry/registry';
import { ageOn, dateText, label, pupilLabel, schoolBlock, sexWord, word, type ReportContext, type SchoolBlock } from './context';
import { profilePhrases } from './words';

export type ProfileModel = {
  school: SchoolBlock;
  pupil: {
    full_name: string;
    class: string;
    teacher: string;
    age: string;
    birth_date: string;
    sex: string;
    /** "иә" / "жоқ" ("да" / "нет"). */
    disability: string;
    home_schooled: string;
    special_needs: string;
    /** Children in the family, a lone parent or a step-parent, brothers and sisters in the school, the guardian. */
    family_composition: string;
    /** The family's categories (large, АСП, incomplete…), "—" when none. */
    family_status: string;
    /** Every category and support of the pupil. */
    categories: string;
    /**
     * Why the pupil is accompanied: the social categories the registry holds (registers, risk group, status), or
     * the filter that chose the pupil; what lies behind them is in the social pedagogue's case file.
     */
    reason: string;
    guardian: string;
    // Case-file facts, which DOMAIN.md keeps out of the shared workbook: filled when the profile is made from a case
    // (`qamqor cases reports`: the latest review, the plan's health actions), else empty, written by hand on paper.
    attendance: string;
    behaviour: string;
    performance: string;
    health: string;
    relations: string;
    housing_act: string;
    characteristic: string;
  };
};

/** What the case file tells of a pupil (src/app/cases-documents.ts): each field given replaces the empty one. */
export type ProfileCaseFields = Partial<Pick<ProfileModel['pupil'], 'reason' | 'attendance' | 'behaviour' | 'performance' | 'health' | 'relations' | 'housing_act' | 'characteristic'>>;

export function profileModel(ctx: ReportContext, pupil: Pupil, fromCase: ProfileCaseFields = {}): ProfileModel {
  const has = (code: string) => pupil.categories.includes(code);
  const yesNo = (b: boolean) => word(ctx, b ? 'yes' : 'no');
  const familyCodes = pupil.categories.filter((code) => ctx.categories.get(code)?.level === 'family' && ctx.categories.get(code)?.kind === 'category');
  const siblings = ctx.registry.pupils.filter((p) => p !== pupil && p.familyKey === pupil.familyKey).length;
  const composition: string[] = [];
  if (pupil.childrenInFamily !== null) composition.push(profilePhrases.children[ctx.lang]({ n: pupil.childrenInFamily }));
  for (const code of ['incomplete_family', 'step_parent', 'large_family']) if (has(code)) composition.push(label(ctx, code).toLowerCase());
  if (siblings > 0) composition.push(profilePhrases.siblings[ctx.lang]({ n: siblings }));
  // A parent is a legal representative; only an orphan's or a child without care's is a guardian.
  const cared = has('orphan') || has('no_parental_care');
  if (pupil.guardian) composition.push(profilePhrases[cared ? 'guardian' : 'representative'][ctx.lang]({ name: pupil.guardian }));
  if (cared && pupil.placement) composition.push(profilePhrases.placement[ctx.lang]({ name: pupil.placement }));
  const social = pupil.categories.filter((code) => ctx.categories.get(code)?.kind === 'category');
  // Registers and the risk group first: they are what accompaniment is mostly for.
  const REGISTERS = ['police_register', 'school_register', 'risk_group'];
  social.sort((a, b) => (REGISTERS.includes(a) ? REGISTERS.indexOf(a) : 9) - (REGISTERS.includes(b) ? REGISTERS.indexOf(b) : 9));
  const age = ageOn(pupil.birthDate, ctx.today);
  return {
    school: schoolBlock(ctx),
    pupil: {
      full_name: pupil.fullName,
      class: pupil.className,
      teacher: ctx.registry.classes.find((c) => c.name === pupil.className)?.teacher ?? '',
      age: age === null ? '' : String(age),
      birth_date: dateText(pupil.birthDate),
      sex: sexWord(ctx, pupil),
      disability: yesNo(has('disability')),
      home_schooled: yesNo(has('home_schooled')),
      special_needs: yesNo(has('sen')),
      family_composition: composition.join('; '),
      family_status: familyCodes.length ? familyCodes.map((code) => label(ctx, code)).join(', ') : word(ctx, 'none'),
      categories: pupil.categories.map((code) => pupilLabel(ctx, code, pupil)).join(', '),
      reason: fromCase.reason ?? (social.length ? social.map((code) => pupilLabel(ctx, code, pupil)).join('; ') : word(ctx, 'none')),
      guardian: pupil.guardian,
      attendance: fromCase.attendance ?? '',
      behaviour: fromCase.behaviour ?? '',
      performance: fromCase.performance ?? '',
      health: fromCase.health ?? '',
      relations: fromCase.relations ?? '',
      housing_act: fromCase.housing_act ?? '',
      characteristic: fromCase.characteristic ?? '',
    },
  };
}
