// The workbook's language: the settings tab says it; without one, the spreadsheet's locale.
import { surveyWorkbook } from '../domain/registry/registry';
import type { WorkbookData } from '../domain/sheet';
import type { Lang } from '../domain/template';

/** "kk_KZ" → kk, "ru_RU" → ru; a Kazakh school on any other locale gets the layout's default, Kazakh. */
export function localeLang(locale: string): Lang {
  return /^ru/i.test(locale) ? 'ru' : 'kk';
}

export function workbookLang(data: WorkbookData, locale: string): Lang {
  const fallback = localeLang(locale);
  try {
    const survey = surveyWorkbook(data, fallback);
    return survey.tabs.settings ? survey.lang : fallback;
  } catch {
    // A settings tab that does not read (its header retyped beyond recognition) says nothing.
    return fallback;
  }
}
