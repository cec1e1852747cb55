#!/usr/bin/env node
// The `qamqor` command: the TypeScript sources run through tsx, so a fresh `npm ci` is all it needs.
require('tsx/cjs/api').register();
const { main } = require('../src/cli/main.ts');
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err && err.message ? err.message : err); process.exitCode = 2; },
);
