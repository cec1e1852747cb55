// Number agreement in Russian, by rule: 1 ученик, 2 ученика, 5 учеников, 11 учеников, 21 ученик. Kazakh needs
// none (a noun after a numeral stays singular: 5 оқушы), so only Russian wording picks a form.

/** The three forms of a Russian word after a number: for 1 (and 21, 31…), for 2–4 (22–24…), for 5–20 and 0. */
export type RuForms = readonly [one: string, few: string, many: string];

export function ruForm(n: number, [one, few, many]: RuForms): string {
  const abs = Math.abs(Math.trunc(n));
  const lastTwo = abs % 100;
  const last = abs % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return many;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}

/** "21 ученик", "3 ученика", "5 учеников". */
export function ruCount(n: number, forms: RuForms): string {
  return `${n} ${ruForm(n, forms)}`;
}
