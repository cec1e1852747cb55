#!/usr/bin/env node
// Runs a TypeScript file through tsx, so nothing has to be built before the command works.
require('tsx/cjs/api').register();
const path = require('node:path');
require(path.resolve(process.argv[2]));
