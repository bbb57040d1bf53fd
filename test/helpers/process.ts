import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureServerBuild } from '../../scripts/build-server.mjs';

/** A real Akkoord server process (as `npm start` runs it, without the client build). */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Ends the process with SIGKILL: no clean-up, no flush, as a crash would. */
  kill(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * How the server is run: `built` is plain Node on dist-server/main.js, as `npm start` runs it (the global test
 * set-up builds it); `tsx` transpiles server/main.ts at run time with tsx as a loader in the same process.
 * Either way the pid is the server's own, so SIGKILL hits it and a benchmark measures its CPU and memory.
 */
export type ServerRunner = 'built' | 'tsx';

const RUNNER_ARGS: Record<ServerRunner, string[]> = {
  built: ['dist-server/main.js'],
  tsx: ['--import', 'tsx', 'server/main.ts'],
};

/**
 * Starts the server on a free port with the given data directory and waits for its address. The build is
 * checked first (and made when missing or stale; the global test set-up has normally made it already).
 */
export async function startServerProcess(
  dataDir: string,
  runner: ServerRunner = 'built',
  /** More environment for the server (DATABASE_URL, AKKOORD_SECRET, REDIS_URL, a fixed PORT …). */
  env: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  if (runner === 'built') await ensureServerBuild();
  const child = spawn(process.execPath, RUNNER_ARGS[runner], {
    cwd: ROOT,
    env: { ...process.env, AKKOORD_DATA: dataDir, PORT: '0', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = /Akkoord draait op (http:\/\/localhost:\d+)/.exec(out);
      if (!match) return;
      child.stdout!.off('data', onData);
      resolve({
        child,
        url: match[1]!,
        output: () => out,
        kill: () =>
          new Promise((done) => {
            // A process ended by a signal has no exit code but a signal code.
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Server stopped (${code}): ${out}`)));
  });
}

/** The token in the first-start chair link the server prints. */
export function chairTokenFrom(output: string): string {
  const match = /\/signin#token=([\w.%-]+)/.exec(output);
  if (!match) throw new Error(`No sign-in link in: ${output}`);
  return decodeURIComponent(match[1]!);
}
