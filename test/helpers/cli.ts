import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `npx akkoord …` (the bin script) with a data directory (and more environment); returns exit code and output. */
export function akkoord(args: string[], dataDir: string, input?: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/akkoord.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, AKKOORD_DATA: dataDir, ...env },
    encoding: 'utf8',
    input,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
