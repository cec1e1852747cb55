// `node bin/run-ts.js scripts/make-libreoffice-fixture.ts [out.xlsx]`: remakes test/fixtures/libreoffice-saved.xlsx,
// a small registry saved by LibreOffice Calc (see test/support/libreoffice.ts). Needs `soffice`.
import { join, resolve } from 'node:path';
import { makeLibreOfficeBook } from '../test/support/libreoffice';

// argv: node, bin/run-ts.js, this script, [out.xlsx]
const out = resolve(process.argv[3] ?? join(__dirname, '..', 'test', 'fixtures', 'libreoffice-saved.xlsx'));
makeLibreOfficeBook(out).then(
  () => console.log(`written ${out}`),
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
