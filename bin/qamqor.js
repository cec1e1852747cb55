#!/usr/bin/env node
// The `qamqor` command: runs the prebuilt bundle of dist/cli/ (a fast start), building it first when it is missing or
// older than one of its sources; without esbuild (installed without devDependencies) the sources run through tsx.
'use strict';
const { readFileSync, statSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = path.join(__dirname, '..');
const entry = path.join(root, 'dist', 'cli', 'main.mjs');

/** A few dozen stats: cheap next to any command, and a bundle never runs older code than the sources hold. */
function bundleIsFresh() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, 'dist', 'cli', 'inputs.json'), 'utf8'));
    statSync(entry);
  } catch {
    return false;
  }
  for (const input of manifest.inputs) {
    let mtime;
    try {
      mtime = statSync(path.join(root, input)).mtimeMs;
    } catch {
      continue; // a source gone (an installed copy without src/): the bundle is all there is
    }
    if (mtime > manifest.builtAt) return false;
  }
  return true;
}

async function start() {
  const argv = process.argv.slice(2);
  if (!bundleIsFresh()) {
    let built = false;
    try {
      const { buildCli } = await import(pathToFileURL(path.join(root, 'scripts', 'build-cli.mjs')).href);
      await buildCli({ quiet: true });
      built = true;
    } catch (e) {
      if (!(e && e.code === 'ERR_MODULE_NOT_FOUND' && /esbuild/.test(String(e.message)))) throw e;
    }
    if (!built) {
      // Both of tsx's hooks: main.ts loads each command with import(), which the CommonJS hook alone does not see.
      await import('tsx');
      return require('../src/cli/main.ts').runCli(argv);
    }
  }
  const { runCli } = await import(pathToFileURL(entry).href);
  return runCli(argv);
}

start().catch((e) => {
  // Only a broken installation or a build error ends here; the command's own failures are said by main.
  console.error(process.env.QAMQOR_DEBUG ? e : `qamqor: ${e && e.message ? e.message.split('\n')[0] : e}`);
  process.exitCode = 2;
});
