// `npm run build`: writes dist/Code.js and dist/appsscript.json (copied from the top-level manifest), ready for
// `clasp push --force`.
import { join } from 'node:path';
import { buildAppsScript } from './apps-script-bundle';

buildAppsScript(join(__dirname, '..', 'dist')).then(
  (b) => console.log(`dist/Code.js: ${b.bytes} bytes (${(b.bytes / 1024).toFixed(0)} KB); dist/appsscript.json (from appsscript.json)`),
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
