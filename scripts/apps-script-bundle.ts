// The Apps Script bundle (`npm run build`, and the bundle tests). esbuild makes src/apps-script/main.ts one IIFE (global Qamqor),
// entry-points.js follows it with the top-level functions Apps Script calls, and the manifest is copied:
// dist/Code.js and dist/appsscript.json, what `clasp push` sends.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

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
  });
  const code = result.outputFiles[0].text;
  if (outdir) {
    mkdirSync(outdir, { recursive: true });
    writeFileSync(join(outdir, 'Code.js'), code);
    copyFileSync(join(root, 'src/apps-script/appsscript.json'), join(outdir, 'appsscript.json'));
  }
  return { code, bytes: Buffer.byteLength(code) };
}
