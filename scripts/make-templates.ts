// `npm run templates`: writes the default report templates, Kazakh and Russian, into sheets-template/reports/.
// They are committed so they can be reviewed; a test checks that the committed files are what this script makes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DefaultTemplateName } from '../src/reports/jobs';
import { LANGS, sameDocx, templateBuilders, templateFileName, TEMPLATES_DIR } from './templates';

function main(): void {
  mkdirSync(TEMPLATES_DIR, { recursive: true });
  for (const name of Object.keys(templateBuilders) as DefaultTemplateName[]) {
    for (const lang of LANGS) {
      const path = join(TEMPLATES_DIR, templateFileName(name, lang));
      const bytes = templateBuilders[name](lang);
      // Only a real change is written, so a rebuild leaves git quiet.
      if (existsSync(path) && sameDocx(readFileSync(path), bytes)) continue;
      writeFileSync(path, bytes);
      process.stdout.write(`${path}\n`);
    }
  }
}

main();
