// Many negotiations at once on several instances: ROOMS negotiations (each its own text room) with CLIENTS stock
// y-websocket clients over them, on two Akkoord instances sharing one PostgreSQL database and one Redis (no
// sticky sessions: client j of a room connects to instance j mod 2, so every edit crosses). Each client edits
// its room's text every 1/RATE seconds for SECONDS; every fifth client notes how long others' edits take to
// arrive. Reports edits sent, deliveries, latency p50/p99 and each server's CPU and memory.
// Run: npx tsx bench/sync-scale.ts   (ROOMS=50 CLIENTS=1000 RATE=0.2 SECONDS=60 INSTANCES=2; loopback only; needs the
// machine's PostgreSQL and Redis, as the tests do)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { parseAgenda } from '../shared/agenda/parse.js';
import { startServerProcess, type ServerProcess } from '../test/helpers/process.js';
import { createTestDatabase, ensurePostgres } from '../test/helpers/postgres.js';
import { ensureSharedRedis } from '../test/helpers/redis.js';

const ROOMS = Number(process.env.ROOMS ?? 50);
const CLIENTS = Number(process.env.CLIENTS ?? 1000);
const RATE = Number(process.env.RATE ?? 0.2);
const SECONDS = Number(process.env.SECONDS ?? 60);
const INSTANCES = Number(process.env.INSTANCES ?? 2);
const PARTIES = ['D66', 'CDA', 'VVD', 'GL-PvdA', 'JA21'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** utime+stime of a process in seconds (Linux /proc), and its resident memory in MB. */
function usage(pid: number): { cpu: number; rssMb: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]!;
  return { cpu: (Number(stat[11]) + Number(stat[12])) / 100, rssMb: Number(rss) / 1024 };
}

/** The token of the administrator's link that a first start prints. */
function adminTokenFrom(output: string): string {
  const at = output.indexOf('Beheerder van deze installatie');
  const match = /\/signin#token=([\w.%-]+)/.exec(output.slice(at));
  if (at < 0 || !match) throw new Error(`No administrator link in: ${output}`);
  return decodeURIComponent(match[1]!);
}

async function post<T>(url: string, token: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The first measure's text of a client's document (where its edits go). */
function firstMeasure(doc: Y.Doc): Y.XmlText | null {
  const walk = (node: Y.XmlFragment | Y.XmlElement): Y.XmlText | null => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'measure' && child.get(0) instanceof Y.XmlText) return child.get(0) as Y.XmlText;
      const found = walk(child);
      if (found) return found;
    }
    return null;
  };
  return walk(doc.getXmlFragment('prosemirror'));
}

// A negotiation's agenda: the D66–CDA agenda's first chapter (a room of the size a municipality's has).
const full = parseAgenda(fs.readFileSync('fixtures/d66-cda-uitnodiging-2025.txt', 'utf8'));
const agenda = { ...full, chapters: full.chapters.slice(0, 1) };

await ensurePostgres();
const redisUrl = INSTANCES > 1 ? await ensureSharedRedis() : null;
const db = await createTestDatabase();
const env = {
  DATABASE_URL: db.url,
  AKKOORD_SECRET: randomBytes(32).toString('hex'),
  ...(redisUrl
    ? { REDIS_URL: redisUrl, AKKOORD_REDIS_PREFIX: `akkoord-bench-${randomBytes(4).toString('hex')}` }
    : {}),
};
const servers: ServerProcess[] = [];
try {
  // One after the other: the first start makes the schema and prints the administrator's link.
  for (let i = 0; i < INSTANCES; i++)
    servers.push(
      await startServerProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-scale-')), 'built', env),
    );
  const admin = adminTokenFrom(servers[0]!.output());

  // The negotiations and their people, made through the first instance's API.
  const perRoom = Math.ceil(CLIENTS / ROOMS);
  const seats: { room: string; token: string }[] = [];
  for (let r = 0; r < ROOMS; r++) {
    const id = `gemeente-${r + 1}`;
    const made = await post<{ chair: { url: string } }>(`${servers[0]!.url}/api/documents`, admin, {
      id,
      title: `Coalitieakkoord gemeente ${r + 1}`,
      agenda,
      chair: { name: `Voorzitter ${r + 1}` },
    });
    const chair = decodeURIComponent(/#token=([\w.%-]+)/.exec(made.chair.url)![1]!);
    // Negotiators write in the text while drafting is open.
    const opened = await fetch(`${servers[0]!.url}/api/documents/${id}/drafting`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${chair}`, 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'open' }),
    });
    if (!opened.ok) throw new Error(`drafting: ${opened.status}`);
    for (let i = 0; i < perRoom && seats.length < CLIENTS; i++) {
      const person = await post<{ token: string }>(`${servers[0]!.url}/api/documents/${id}/people`, chair, {
        name: `Onderhandelaar ${r + 1}.${i + 1}`,
        party: PARTIES[i % PARTIES.length],
        role: 'negotiator',
      });
      seats.push({ room: id, token: person.token });
    }
  }

  const wsUrls = servers.map((s) => s.url.replace(/^http/, 'ws') + '/sync');
  const clients = seats.map((seat, j) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(wsUrls[j % wsUrls.length]!, seat.room, doc, {
      WebSocketPolyfill: WebSocket as never,
      disableBc: true,
      params: { token: seat.token },
    });
    return { doc, provider };
  });
  await Promise.all(
    clients.map(
      (c) => new Promise<void>((r) => (c.provider.synced ? r() : c.provider.once('sync', () => r()))),
    ),
  );

  const latencies: number[] = [];
  const STAMP = /‹\d+:(\d+(?:\.\d+)?)›/g;
  clients.forEach((c, j) => {
    if (j % 5 !== 0) return;
    c.doc.getXmlFragment('prosemirror').observeDeep((events, transaction) => {
      if (transaction.local) return;
      const now = performance.timeOrigin + performance.now();
      for (const event of events) {
        if (!(event.target instanceof Y.XmlText)) continue;
        for (const op of event.delta)
          if (typeof op.insert === 'string')
            for (const m of op.insert.matchAll(STAMP)) latencies.push(now - Number(m[1]));
      }
    });
  });

  const before = servers.map((s) => usage(s.child.pid!));
  const start = Date.now();
  let sent = 0;
  // Spread over the interval, so a thousand clients do not all edit in the same millisecond.
  const timers = clients.map((c, j) => {
    const every = 1000 / RATE;
    let timer: NodeJS.Timeout | undefined;
    const edit = () => {
      const text = firstMeasure(c.doc);
      if (!text) return;
      text.insert(text.length, ` ‹${j}:${(performance.timeOrigin + performance.now()).toFixed(1)}›`);
      sent++;
    };
    const first = setTimeout(() => {
      edit();
      timer = setInterval(edit, every);
    }, Math.random() * every);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  });
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  timers.forEach((stop) => stop());
  await new Promise((r) => setTimeout(r, 3000));
  const elapsed = (Date.now() - start) / 1000;
  const after = servers.map((s) => usage(s.child.pid!));
  clients.forEach((c) => c.provider.destroy());

  const sorted = latencies.sort((a, b) => a - b);
  const cpu = after.map((a, i) => ((a.cpu - before[i]!.cpu) / elapsed) * 100);
  const result = {
    bench: 'sync-scale',
    rooms: ROOMS,
    clients: clients.length,
    instances: servers.length,
    editsExpected: Math.round(clients.length * RATE * SECONDS),
    edits: sent,
    deliveries: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuPercent: cpu,
    rssMb: after.map((a) => a.rssMb),
    loadAverage: os.loadavg()[0],
  };
  console.log(
    `${result.clients} clients over ${ROOMS} rooms on ${servers.length} instance(s) (PostgreSQL${redisUrl ? ' + Redis' : ''}): ` +
      `${sent} of ${result.editsExpected} edits sent, ${sorted.length} deliveries, ` +
      `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ` +
      `CPU ${cpu.map((c) => c.toFixed(0)).join(' + ')} %, RSS ${result.rssMb.map((m) => m.toFixed(0)).join(' + ')} MB`,
  );
  console.log(JSON.stringify(result));
} finally {
  for (const s of servers) await s.kill();
  await db.drop();
}
process.exit(0);
