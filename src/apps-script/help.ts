// The help dialog: the menu's actions explained in the workbook's language, every text HTML-escaped.
import type { Lang } from '../domain/template';
import type { GoogleServices } from './google-services';
import { escapeHtml, helpParagraphs, say, ui } from './messages';

export function helpHtml(lang: Lang): string {
  const body = helpParagraphs[lang].map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<div style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.4">\n${body}\n</div>`;
}

export function showHelp(services: GoogleServices, lang: Lang): void {
  if (!services.HtmlService) return;
  const output = services.HtmlService.createHtmlOutput(helpHtml(lang));
  output.setWidth(560);
  output.setHeight(480);
  services.SpreadsheetApp.getUi().showModalDialog(output, say(ui.helpTitle, lang));
}
