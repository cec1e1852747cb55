// Builds the `qamqor` command into dist/cli/ with esbuild: main.mjs holds only the command-line reading and the help,
// each command is a chunk loaded when typed. Run by `npm ci` (prepare) and by bin/qamqor.js when the bundle is missing
// or older than a source; plain JavaScript, so that building never needs TypeScript tooling loaded first.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, 'dist', 'cli');
/** The sources a bundle was made from and when: bin/qamqor.js rebuilds when one of them is newer. */
export const MANIFEST = join(OUT_DIR, 'inputs.json');

/**
 * Bundled code is ESM in dist/cli/, but some sources are CommonJS at heart: `__dirname` (templates beside the
 * sources: dist/cli/ sits as deep under the root as src/local/) and `require.resolve` (the chart fonts).
 */
const BANNER = [
  "import { createRequire as __qamqorRequire } from 'node:module';",
  "import { fileURLToPath as __qamqorPath } from 'node:url';",
  'const require = __qamqorRequire(import.meta.url);',
  "const __dirname = __qamqorPath(new URL('.', import.meta.url));",
].join(' ');

/**
 * Dependencies stay in node_modules and load as Node loads them, except these pure-JavaScript ones, whose many small
 * modules cost more to find and read than to bundle: zod (every command) makes `validate` about 60 ms faster.
 */
const BUNDLED_PACKAGES = ['zod'];

/** How long a replaced chunk is kept for commands still running from the build before. */
const STALE_CHUNK_MS = 10 * 60 * 1000;

export async function buildCli({ quiet = false } = {}) {
  const esbuild = await import('esbuild');
  const startedAt = Date.now();
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const external = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })
    .filter((name) => !BUNDLED_PACKAGES.includes(name))
    .flatMap((name) => [name, `${name}/*`]);
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/cli/main.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    // Named imports of CommonJS packages work through Node's own interop (the bin and demo runs check them).
    external,
    banner: { js: BANNER },
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: quiet ? 'silent' : 'warning',
  });
  mkdirSync(OUT_DIR, { recursive: true });
  // Each file lands whole (written aside, then renamed): another `qamqor` starting meanwhile never reads half a chunk.
  // Chunk names carry a content hash, so a running command's chunks stay as they were; main.mjs goes last.
  const outputs = [...result.outputFiles].sort((a, b) => Number(a.path.endsWith(`${sep}main.mjs`)) - Number(b.path.endsWith(`${sep}main.mjs`)));
  for (const file of outputs) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  // Chunks of earlier builds go once no command started before this build can still be loading them.
  const made = new Set(outputs.map((f) => f.path));
  for (const name of readdirSync(OUT_DIR)) {
    const path = join(OUT_DIR, name);
    if (name.endsWith('.mjs') && !made.has(path) && mtimeOf(path) < startedAt - STALE_CHUNK_MS) rmSync(path, { force: true });
  }
  const inputs = [
    ...Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/')),
    'package.json',
    relative(ROOT, fileURLToPath(import.meta.url)),
  ];
  // A source dated in the future (a clock moved, an archive unpacked) would otherwise mean a rebuild at every start.
  const newest = Math.max(...inputs.map((p) => mtimeOf(join(ROOT, p))));
  const builtAt = newest > Date.now() ? newest : startedAt;
  const temp = `${MANIFEST}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ builtAt, inputs }));
  renameSync(temp, MANIFEST);
  return { files: outputs.length, bytes: outputs.reduce((s, f) => s + f.contents.length, 0), ms: Date.now() - startedAt };
}

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

// `node scripts/build-cli.mjs [--if-possible]`: --if-possible (the prepare script) is quiet when esbuild, a
// devDependency, is not installed (`npm ci --omit=dev`): bin/qamqor.js then runs the sources through tsx.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ifPossible = process.argv.includes('--if-possible');
  buildCli().then(
    (b) => console.log(`dist/cli: ${b.files} files, ${(b.bytes / 1024).toFixed(0)} KB, ${b.ms} ms`),
    (e) => {
      if (ifPossible && e && e.code === 'ERR_MODULE_NOT_FOUND' && /esbuild/.test(String(e.message))) {
        console.log('dist/cli not built: esbuild is not installed; bin/qamqor.js will run the TypeScript sources');
        return;
      }
      console.error(e && e.message ? e.message : e);
      // An install does not fail on a source that does not build yet: the type check and the tests say why, and
      // bin/qamqor.js tries again at its first run.
      if (!ifPossible) process.exitCode = 1;
    },
  );
}
