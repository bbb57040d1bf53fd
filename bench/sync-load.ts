// Sync under load: N stock y-websocket clients on one document (split over the parties), each making a small
// edit twice a second for D seconds. Runs the same load against Akkoord (persisting every update, checking
// every permission, stamping awareness) and against the bare @y/websocket-server 0.1.1 (in memory, no checks),
// in one run (both servers up, loaded in alternating phases), and reports propagation latency p50/p99, server
// CPU and memory, and the ratios. COMPARE=postgres compares one Akkoord instance on SQLite with one on
// PostgreSQL (a fresh database on the machine's, 127.0.0.1:5432); COMPARE=instances compares one instance on
// SQLite with two instances on PostgreSQL kept in step through Redis (the machine's, 127.0.0.1:6379), half of
// the clients on each (INSTANCES_DB=sqlite: the two share one SQLite file instead); COMPARE=stores runs all
// three side by side: one instance on SQLite, one on PostgreSQL, two on PostgreSQL + Redis.
// Run: npx tsx bench/sync-load.ts    (CLIENTS=100 SECONDS=60 PHASE=10 COMPARE=bare by default; loopback only)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { prosemirrorToYDoc } from 'y-prosemirror';
import { parseAgenda } from '../shared/agenda/parse.js';
import { buildDocument } from '../shared/agenda/build.js';
import { randomUUID } from 'node:crypto';
import { startServerProcess, chairTokenFrom, type ServerProcess } from '../test/helpers/process.js';
import { ensureSharedRedis } from '../test/helpers/redis.js';
import { createTestDatabase, ensurePostgres } from '../test/helpers/postgres.js';

const CLIENTS = Number(process.env.CLIENTS ?? 100);
const SECONDS = Number(process.env.SECONDS ?? 60);
const EDITS_PER_SECOND = 2;
const PARTIES = ['D66', 'CDA', 'VVD', 'GL-PvdA', 'JA21'];
const COMPARE = process.env.COMPARE ?? 'bare';

interface Target {
  name: string;
  /** Client i connects to wsUrls[i % wsUrls.length] (one address per instance). */
  wsUrls: string[];
  room: string;
  /** The server processes whose CPU and memory are added up. */
  pids: number[];
  tokens: string[];
  stop(): Promise<void>;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** utime+stime of processes in seconds (Linux /proc), and their resident memory in MB, added up. */
function usage(pids: number[]): { cpu: number; rssMb: number } {
  let cpu = 0;
  let rssMb = 0;
  for (const pid of pids) {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    cpu += (Number(stat[11]) + Number(stat[12])) / 100;
    rssMb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]!) / 1024;
  }
  return { cpu, rssMb };
}

/**
 * Akkoord on a fresh data folder (SQLite) or a fresh PostgreSQL database: one instance, or several on the same
 * database with Redis between them.
 */
async function akkoordTarget(instances = 1, database: 'sqlite' | 'postgres' = 'sqlite'): Promise<Target> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-load-'));
  const env: Record<string, string> =
    instances > 1
      ? { REDIS_URL: await ensureSharedRedis(), AKKOORD_REDIS_PREFIX: `akkoord-bench-${randomUUID()}` }
      : {};
  if (database === 'postgres') await ensurePostgres();
  const pgDatabase = database === 'postgres' ? await createTestDatabase() : null;
  if (pgDatabase) env.DATABASE_URL = pgDatabase.url;
  const servers: ServerProcess[] = [];
  // One after the other: the first migrates and seeds. On PostgreSQL each has a data folder of its own.
  for (let i = 0; i < instances; i++) {
    const own = pgDatabase ? path.join(dir, `instance-${i + 1}`) : dir;
    fs.mkdirSync(own, { recursive: true });
    servers.push(await startServerProcess(own, 'built', env));
  }
  const server = servers[0]!;
  const chair = chairTokenFrom(server.output());
  const tokens: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const res = await fetch(`${server.url}/api/documents/d66-cda/people`, {
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
  await fetch(`${server.url}/api/documents/d66-cda/drafting`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${chair}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'open' }),
  });
  return {
    name: `akkoord${pgDatabase ? ' on PostgreSQL' : ''}${instances > 1 ? `, ${instances} instances + Redis` : ''}`,
    wsUrls: servers.map((s) => `${s.url.replace('http', 'ws')}/sync`),
    room: 'd66-cda',
    pids: servers.map((s) => s.child.pid!),
    tokens,
    stop: async () => {
      for (const s of servers) await s.kill();
      await pgDatabase?.drop();
    },
  };
}

async function bareTarget(): Promise<Target> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child: ChildProcess = spawn(process.execPath, ['node_modules/@y/websocket-server/src/server.js'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  // The bare server has no seeding: one client puts the same agenda in first.
  const seed = prosemirrorToYDoc(
    buildDocument(parseAgenda(fs.readFileSync('fixtures/d66-cda-uitnodiging-2025.txt', 'utf8'))),
  );
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, 'd66-cda', doc, {
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  });
  await new Promise<void>((r) => provider.once('sync', () => r()));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed));
  await new Promise((r) => setTimeout(r, 500));
  provider.destroy();
  return {
    name: '@y/websocket-server 0.1.1',
    wsUrls: [`ws://127.0.0.1:${port}`],
    room: 'd66-cda',
    pids: [child.pid!],
    tokens: Array.from({ length: CLIENTS }, () => ''),
    stop: async () => {
      child.kill('SIGKILL');
    },
  };
}

/** The Y.XmlText of the n-th measure of a client's document. */
function measures(doc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'measure' && child.get(0) instanceof Y.XmlText)
          out.push(child.get(0) as Y.XmlText);
        else walk(child);
      }
    }
  };
  walk(doc.getXmlFragment('prosemirror'));
  return out;
}

/** A target's clients, connected and synced, with the latencies its observers collect. */
interface Loaded {
  target: Target;
  clients: { doc: Y.Doc; provider: WebsocketProvider }[];
  latencies: number[];
  edits: number;
  cpuSeconds: number;
  seconds: number;
}

async function connect(target: Target): Promise<Loaded> {
  const clients = target.tokens.map((token, i) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(target.wsUrls[i % target.wsUrls.length]!, target.room, doc, {
      WebSocketPolyfill: WebSocket as never,
      disableBc: true,
      params: token ? { token } : {},
    });
    return { doc, provider };
  });
  await Promise.all(
    clients.map(
      (c) => new Promise<void>((r) => (c.provider.synced ? r() : c.provider.once('sync', () => r()))),
    ),
  );
  const loaded: Loaded = { target, clients, latencies: [], edits: 0, cpuSeconds: 0, seconds: 0 };
  // Each edit carries its send time in the words it inserts (the text room holds only the agenda's text, so
  // the stamp travels as text); every tenth client notes the delay when those words arrive (reading every
  // event's words in all 100 clients would load the one process that runs them more than the servers).
  const STAMP = /‹\d+:(\d+(?:\.\d+)?)›/g;
  // With several instances the observers are spread over them alike (client i is on instance i mod n).
  const n = target.wsUrls.length;
  for (const c of clients.filter((_, i) => Math.floor(i / n) % 10 === 0)) {
    c.doc.getXmlFragment('prosemirror').observeDeep((events, transaction) => {
      if (transaction.local) return;
      const now = performance.timeOrigin + performance.now();
      for (const event of events) {
        if (!(event.target instanceof Y.XmlText)) continue;
        for (const op of event.delta) {
          if (typeof op.insert !== 'string') continue;
          for (const match of op.insert.matchAll(STAMP)) loaded.latencies.push(now - Number(match[1]));
        }
      }
    });
  }
  return loaded;
}

/** One phase: every client of `l` edits twice a second for `seconds`; then 2 s for the last edits to arrive. */
async function phase(l: Loaded, seconds: number): Promise<void> {
  const before = usage(l.target.pids);
  const start = Date.now();
  const timers = l.clients.map((c, i) =>
    setInterval(() => {
      const texts = measures(c.doc);
      const text = texts[i % texts.length]!;
      const stamp = (performance.timeOrigin + performance.now()).toFixed(1);
      text.insert(text.length, ` ‹${i}:${stamp}›`);
      l.edits++;
    }, 1000 / EDITS_PER_SECOND),
  );
  await new Promise((r) => setTimeout(r, seconds * 1000));
  timers.forEach(clearInterval);
  await new Promise((r) => setTimeout(r, 2000));
  const after = usage(l.target.pids);
  l.cpuSeconds += after.cpu - before.cpu;
  l.seconds += (Date.now() - start) / 1000;
}

function summary(l: Loaded) {
  const sorted = l.latencies.sort((a, b) => a - b);
  return {
    target: l.target.name,
    edits: l.edits,
    deliveries: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuPercent: (l.cpuSeconds / l.seconds) * 100,
    rssMb: usage(l.target.pids).rssMb,
  };
}

// All targets run at once, loaded in turn in phases of PHASE seconds, each round in another order (rotated,
// and reversed every other turn: A B, B A, B A, A B … or A B C, B C A, C A B, C B A …) so that a drift in the
// machine's load (other work starting or ending) falls on all alike.
const PHASE = Math.min(SECONDS, Number(process.env.PHASE ?? 10));
const INSTANCES_DB = process.env.INSTANCES_DB === 'sqlite' ? 'sqlite' : 'postgres';
const targets =
  COMPARE === 'stores'
    ? [await akkoordTarget(1), await akkoordTarget(1, 'postgres'), await akkoordTarget(2, 'postgres')]
    : COMPARE === 'instances'
      ? [await akkoordTarget(1), await akkoordTarget(2, INSTANCES_DB)]
      : COMPARE === 'postgres'
        ? [await akkoordTarget(1), await akkoordTarget(1, 'postgres')]
        : [await akkoordTarget(), await bareTarget()];
try {
  const loaded: Loaded[] = [];
  for (const t of targets) loaded.push(await connect(t));
  const n = loaded.length;
  const rounds = Math.max(2, Math.round(SECONDS / PHASE));
  for (let i = 0; i < rounds; i++) {
    const order = [...loaded.slice(i % n), ...loaded.slice(0, i % n)];
    if (Math.floor(i / n) % 2 === 1) order.reverse();
    for (const l of order) await phase(l, PHASE);
  }
  const results = loaded.map(summary);
  for (const r of results) {
    console.log(
      `${r.target}: ${r.edits} edits, ${r.deliveries} deliveries, latency p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, CPU ${r.cpuPercent.toFixed(0)} %, RSS ${r.rssMb.toFixed(0)} MB`,
    );
  }
  const [first, ...others] = results as [ReturnType<typeof summary>, ...ReturnType<typeof summary>[]];
  // Against the bare server Akkoord is the one measured (Akkoord / bare); else each other target against the
  // first (one instance on SQLite).
  const ratios =
    COMPARE === 'bare'
      ? [{ of: `${first.target} / ${others[0]!.target}`, ...ratio(first, others[0]!) }]
      : others.map((o) => ({ of: `${o.target} / ${first.target}`, ...ratio(o, first) }));
  for (const r of ratios)
    console.log(`${r.of}: p50 ${r.p50.toFixed(2)}, p99 ${r.p99.toFixed(2)}, CPU ${r.cpu.toFixed(2)}`);
  console.log(
    JSON.stringify({
      bench: 'sync-load',
      compare: COMPARE,
      clients: CLIENTS,
      seconds: SECONDS,
      phase: PHASE,
      loadAverage: os.loadavg()[0],
      results,
      ratios,
    }),
  );
  loaded.flatMap((l) => l.clients).forEach((c) => c.provider.destroy());
} finally {
  for (const t of targets) await t.stop();
}
process.exit(0);

function ratio(a: ReturnType<typeof summary>, b: ReturnType<typeof summary>) {
  return { p50: a.p50 / b.p50, p99: a.p99 / b.p99, cpu: a.cpuPercent / b.cpuPercent };
}
