// The pupil profile of case management (seed 003): what the registry knows filled in, the case-file fields
// (attendance, behaviour, performance, health, relations, housing act, characteristic) left to write by hand.
import type { Pupil } from '../../domain/registry';
import { ageOn, dateText, label, schoolBlock, sexWord, word, type ReportContext, type SchoolBlock } from './context';
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
    guardian: string;
    // Written by hand on the printed profile: case-file facts, which DOMAIN.md keeps out of the shared
    // workbook, so no tab holds them. Empty here; a school's own template may fill them from elsewhere.
    attendance: string;
    behaviour: string;
    performance: string;
    health: string;
    relations: string;
    housing_act: string;
    characteristic: string;
  };
};

export function profileModel(ctx: ReportContext, pupil: Pupil): ProfileModel {
  const has = (code: string) => pupil.categories.includes(code);
  const yesNo = (b: boolean) => word(ctx, b ? 'yes' : 'no');
  const familyCodes = pupil.categories.filter((code) => ctx.categories.get(code)?.level === 'family' && ctx.categories.get(code)?.kind === 'category');
  const siblings = ctx.registry.pupils.filter((p) => p !== pupil && p.familyKey === pupil.familyKey).length;
  const composition: string[] = [];
  if (pupil.childrenInFamily !== null) composition.push(profilePhrases.children[ctx.lang]({ n: pupil.childrenInFamily }));
  for (const code of ['incomplete_family', 'step_parent', 'large_family']) if (has(code)) composition.push(label(ctx, code).toLowerCase());
  if (siblings > 0) composition.push(profilePhrases.siblings[ctx.lang]({ n: siblings }));
  if (pupil.guardian) composition.push(profilePhrases.guardian[ctx.lang]({ name: pupil.guardian }));
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
      categories: pupil.categories.map((code) => label(ctx, code)).join(', '),
      guardian: pupil.guardian,
      attendance: '',
      behaviour: '',
      performance: '',
      health: '',
      relations: '',
      housing_act: '',
      characteristic: '',
    },
  };
}
