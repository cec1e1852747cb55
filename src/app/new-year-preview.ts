// What starting a new school year will do, said before it is done: the text of the confirmation.
import type { Lang } from '../domain/template';
import type { NewYearPlan } from './new-year';

export function newYearPreview(plan: NewYearPlan, lang: Lang): string {
  const graduates = plan.graduates.reduce((sum, g) => sum + g.pupils, 0);
  const moves = plan.promoted.map((m) => `${m.from} → ${m.to}`).join(', ');
  const graduateClasses = plan.graduates.map((g) => `${g.className} (${g.pupils})`).join(', ');
  if (lang === 'kk') {
    return [
      `${plan.fromYear} → ${plan.toYear} оқу жылы.`,
      `1. ${plan.fromYear} жылдың паспорты мұрағатқа сақталады.`,
      `2. ${plan.promoted.length} сынып бір сыныпқа көшеді: ${moves || '—'}.`,
      `3. Түлектер (${graduates} оқушы: ${graduateClasses || '—'}) «Мұрағат» парағына көшіріледі, олардың парақтары жойылады.`,
      `4. Баптауларда оқу жылы ${plan.toYear} болады.`,
      'Алдымен кітаптың сақтық көшірмесі жасалады. Жалғастырасыз ба?',
    ].join('\n');
  }
  return [
    `${plan.fromYear} → ${plan.toYear} учебный год.`,
    `1. Паспорт ${plan.fromYear} года сохраняется в архив.`,
    `2. Классов переводится: ${plan.promoted.length}: ${moves || '—'}.`,
    `3. Выпускники (${graduates} уч.: ${graduateClasses || '—'}) переносятся на лист «Архив», их листы удаляются.`,
    `4. В настройках учебный год станет ${plan.toYear}.`,
    'Сначала будет сделана резервная копия книги. Продолжить?',
  ].join('\n');
}
