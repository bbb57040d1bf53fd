// Builds the server and the command line into dist-server/ with esbuild, as Vite builds the client into dist/:
// one bundle per entry with our TypeScript inlined, every package in node_modules left to Node at run time
// (better-sqlite3 is native). Run: node scripts/build-server.mjs   (npm start does it before starting)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const THIS_FILE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(THIS_FILE), '..');

/** Where the built server lives: `main.js` (what `npm start` runs) and `cli.js` (what `npx akkoord` runs). */
export const SERVER_BUILD_DIR = path.join(ROOT, 'dist-server');
const ENTRIES = { main: 'server/main.ts', cli: 'server/cli/main.ts' };
const STAMP = path.join(SERVER_BUILD_DIR, 'build-info.json');
const LOADERS = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.json': 'json' };

/** A fingerprint of source files (path and contents, sorted by path) together with this script. */
function fingerprint(files) {
  const hash = crypto.createHash('sha256');
  const entries = [...files, [path.relative(ROOT, THIS_FILE), fs.readFileSync(THIS_FILE)]];
  for (const [file, contents] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(`${file}\0${contents.length}\0`);
    hash.update(contents);
  }
  return hash.digest('hex');
}

/** Writes a file whole or not at all: a command starting at the same moment never reads half a bundle. */
function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

/**
 * Builds dist-server/ and records which sources went in (the exact bytes esbuild compiled, read once through
 * a plugin), so `isServerBuildCurrent` can tell a build made from other sources.
 */
export async function buildServer() {
  const { build } = await import('esbuild');
  /** @type {[string, Buffer][]} */
  const sources = [];
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: SERVER_BUILD_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
    plugins: [
      {
        name: 'record-sources',
        setup(b) {
          b.onLoad({ filter: /\.(ts|tsx|js|mjs|json)$/ }, (args) => {
            const contents = fs.readFileSync(args.path);
            sources.push([path.relative(ROOT, args.path), contents]);
            return { contents, loader: LOADERS[path.extname(args.path)] };
          });
        },
      },
    ],
  });
  fs.mkdirSync(SERVER_BUILD_DIR, { recursive: true });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  const inputs = sources.map(([file]) => file).sort();
  writeAtomically(STAMP, `${JSON.stringify({ fingerprint: fingerprint(sources), inputs }, null, 2)}\n`);
}

/** True when dist-server/ exists and was built from exactly the sources on disk now. */
export function isServerBuildCurrent() {
  try {
    const { fingerprint: built, inputs } = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
    for (const entry of Object.keys(ENTRIES)) fs.accessSync(path.join(SERVER_BUILD_DIR, `${entry}.js`));
    return fingerprint(inputs.map((file) => [file, fs.readFileSync(path.join(ROOT, file))])) === built;
  } catch {
    // No build yet, a source file gone or renamed: not current.
    return false;
  }
}

/** Builds dist-server/ unless it is current; never leaves code to run that differs from the sources. */
export async function ensureServerBuild() {
  if (!isServerBuildCurrent()) await buildServer();
}

if (process.argv[1] && path.resolve(process.argv[1]) === THIS_FILE) await buildServer();
