// The Apps Script bundle (`npm run build`, and the bundle tests). esbuild makes src/apps-script/main.ts one IIFE (global Qamqor),
// entry-points.js follows it with the top-level functions Apps Script calls, and the manifest (appsscript.json at the
// top level, beside .clasp.json, where clasp projects keep it) is copied: dist/Code.js and dist/appsscript.json, what
// `clasp push` sends from rootDir dist. The default report templates ride along as
// base64 (module qamqor:default-templates): the templates of the documents the reports tab can ask for (jobs.ts);
// those made only offline (the case file's, the district's) stay out of the 50 MB-limited script.
import { build, type Plugin } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultTemplateNames } from '../src/reports/jobs';

const root = join(__dirname, '..');
const TEMPLATES_DIR = join(root, 'sheets-template/reports');
export const MANIFEST = join(root, 'appsscript.json');

const defaultTemplates: Plugin = {
  name: 'qamqor-default-templates',
  setup(b) {
    b.onResolve({ filter: /^qamqor:default-templates$/ }, (args) => ({ path: args.path, namespace: 'qamqor-templates' }));
    b.onLoad({ filter: /.*/, namespace: 'qamqor-templates' }, () => {
      const files = readdirSync(TEMPLATES_DIR)
        .filter((f) => f.endsWith('.docx') && (defaultTemplateNames as string[]).includes(f.replace(/\.(kk|ru)\.docx$/, '')))
        .sort();
      const map = Object.fromEntries(files.map((f) => [f.replace(/\.docx$/, ''), readFileSync(join(TEMPLATES_DIR, f)).toString('base64')]));
      return { contents: `export default ${JSON.stringify(map)};`, loader: 'js', watchFiles: files.map((f) => join(TEMPLATES_DIR, f)) };
    });
  },
};

export interface Bundle {
  code: string;
  bytes: number;
}

/** Builds the bundle in memory; `outdir` also writes it with the manifest. */
export async function buildAppsScript(outdir?: string): Promise<Bundle> {
  const result = await build({
    entryPoints: [join(root, 'src/apps-script/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'Qamqor',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // Apps Script's V8 runs ES2019 for certain; later syntax is lowered.
    target: 'es2019',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    footer: { js: readFileSync(join(root, 'src/apps-script/entry-points.js'), 'utf8') },
    logLevel: 'silent',
    plugins: [defaultTemplates],
  });
  const code = result.outputFiles[0].text;
  if (outdir) {
    mkdirSync(outdir, { recursive: true });
    writeFileSync(join(outdir, 'Code.js'), code);
    copyFileSync(MANIFEST, join(outdir, 'appsscript.json'));
  }
  return { code, bytes: Buffer.byteLength(code) };
}
