// The server run through the tsx transpiler (as `npm start` did) against plain Node on the esbuild output (as
// `npm start` does now), side by side in one run, alternating: time from process start to the "Akkoord draait
// op" line (first start with an empty data directory, which imports the agenda; and a restart on it), resident
// memory idle after start, and with the D66–CDA room loaded and CLIENTS stock y-websocket clients in it; plus
// the `npx akkoord` command's own start. Medians over RUNS runs.
// Run: npx tsx bench/server-start.ts    (RUNS=5 CLIENTS=20 by default; loopback only)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer } from '../scripts/build-server.mjs';
import { connectClient, synced } from '../test/helpers/clients.js';
import { chairTokenFrom } from '../test/helpers/process.js';
import { median } from './stats.js';

const RUNS = Number(process.env.RUNS ?? 5);
const CLIENTS = Number(process.env.CLIENTS ?? 20);
const PARTIES = ['D66', 'CDA', 'VVD', 'GL-PvdA', 'JA21'];
const SETTLE_MS = 1000;
const TSX_CLI = path.resolve('node_modules/tsx/dist/cli.mjs');

/** One way of running the server: the command line after `node`. */
interface Runner {
  name: string;
  args: string[];
}

const RUNNERS: Runner[] = [
  // What `npm start` ran before: the tsx command, which starts the server in a child Node process.
  { name: 'tsx server/main.ts (before)', args: [TSX_CLI, 'server/main.ts'] },
  // tsx as a loader in the server's own process: the transpiler's share without tsx's parent process.
  { name: 'node --import tsx server/main.ts', args: ['--import', 'tsx', 'server/main.ts'] },
  { name: 'node dist-server/main.js (after)', args: ['dist-server/main.js'] },
];

/** Resident memory in MB of a process and all its descendants (Linux /proc). */
function treeRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  let kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    for (const child of children ? children.split(' ') : []) kb += treeRssMb(Number(child)) * 1024;
  }
  return kb / 1024;
}

interface Started {
  pid: number;
  url: string;
  output: string;
  ms: number;
  stop(): Promise<void>;
}

/** Starts the server with `runner` on a free port; resolves at its "Akkoord draait op" line. */
function start(runner: Runner, dataDir: string): Promise<Started> {
  const begin = performance.now();
  const child = spawn(process.execPath, runner.args, {
    env: { ...process.env, AKKOORD_DATA: dataDir, PORT: '0', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const match = /Akkoord draait op (http:\/\/localhost:\d+)/.exec(output);
      if (!match) return;
      const ms = performance.now() - begin;
      child.stdout.removeAllListeners('data');
      resolve({
        pid: child.pid!,
        url: match[1]!,
        output,
        ms,
        // SIGTERM: the server closes cleanly (tsx passes it on to its child), so the next start is a restart.
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`${runner.name} stopped (${code}): ${output}`)));
  });
}

const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));

/** Invites CLIENTS negotiators (spread over the parties) through the API and returns their tokens. */
async function inviteNegotiators(url: string, chair: string): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const res = await fetch(`${url}/api/documents/d66-cda/people`, {
      method: 'POST',
      headers: { authorization: `Bearer ${chair}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: `Onderhandelaar ${i}`,
        party: PARTIES[i % PARTIES.length],
        role: 'negotiator',
      }),
    });
    tokens.push(((await res.json()) as { token: string }).token);
  }
  return tokens;
}

interface Sample {
  firstStartMs: number;
  restartMs: number;
  idleMb: number;
  loadedMb: number;
}

async function sample(runner: Runner): Promise<Sample> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-start-'));
  try {
    const first = await start(runner, dir);
    await first.stop();
    const server = await start(runner, dir);
    try {
      await settle();
      const idleMb = treeRssMb(server.pid);
      const tokens = await inviteNegotiators(server.url, chairTokenFrom(first.output));
      const wsUrl = `${server.url.replace('http', 'ws')}/sync`;
      const clients = tokens.map((token) => connectClient(wsUrl, 'd66-cda', { token }));
      await Promise.all(clients.map((c) => synced(c.provider)));
      await settle();
      const loadedMb = treeRssMb(server.pid);
      clients.forEach((c) => c.provider.destroy());
      return { firstStartMs: first.ms, restartMs: server.ms, idleMb, loadedMb };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Milliseconds until `npx akkoord` (no arguments: prints its usage) has exited. */
function cliMs(args: string[]): number {
  const begin = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return performance.now() - begin;
}

// Every y-websocket provider adds an exit listener to this process.
process.setMaxListeners(CLIENTS + 10);
await buildServer();
const samples = new Map<string, Sample[]>(RUNNERS.map((r) => [r.name, []]));
for (let run = 0; run < RUNS; run++) {
  // Rotate the order so no runner always goes first on a cold cache.
  for (let i = 0; i < RUNNERS.length; i++) {
    const runner = RUNNERS[(run + i) % RUNNERS.length]!;
    samples.get(runner.name)!.push(await sample(runner));
  }
}
const cli = { tsx: [] as number[], built: [] as number[] };
for (let run = 0; run < RUNS * 2; run++) {
  // The command as bin/akkoord.mjs ran it before (tsx registered, then the TypeScript entry) and now.
  cli.tsx.push(cliMs(['--import', 'tsx', 'server/cli/main.ts']));
  cli.built.push(cliMs(['bin/akkoord.mjs']));
}

const results: Record<string, Record<string, number>> = {};
for (const [name, list] of samples) {
  const pick = (key: keyof Sample) => median(list.map((s) => s[key]));
  results[name] = {
    firstStartMs: pick('firstStartMs'),
    restartMs: pick('restartMs'),
    idleRssMb: pick('idleMb'),
    loadedRssMb: pick('loadedMb'),
  };
  const r = results[name]!;
  console.log(
    `${name}: start ${r.firstStartMs!.toFixed(0)} ms (first) / ${r.restartMs!.toFixed(0)} ms (restart), ` +
      `RSS idle ${r.idleRssMb!.toFixed(0)} MB, with the room and ${CLIENTS} clients ${r.loadedRssMb!.toFixed(0)} MB`,
  );
}
const cliResult = { tsxMs: median(cli.tsx), builtMs: median(cli.built) };
console.log(
  `npx akkoord: ${cliResult.tsxMs.toFixed(0)} ms through tsx, ${cliResult.builtMs.toFixed(0)} ms built`,
);
console.log(JSON.stringify({ bench: 'server-start', runs: RUNS, clients: CLIENTS, results, cli: cliResult }));
process.exit(0);
