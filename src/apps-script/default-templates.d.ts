// The default report templates, put into the bundle by scripts/apps-script-bundle.ts: every
// sheets-template/reports/NAME.LANG.docx as base64, by "NAME.LANG". Only main.ts imports it.
declare module 'qamqor:default-templates' {
  const templates: Record<string, string>;
  export default templates;
}
