import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import express from 'express';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { CloseCode, SYNC_PATH } from '../shared/protocol/protocol.js';
import { parseRoomName } from '../shared/protocol/rooms.js';
import type { Repositories } from './storage/storage.js';
import { Rooms } from './sync/rooms.js';
import { serveConnection } from './sync/connection.js';
import { Limits } from './sync/limits.js';
import { ConnectionRegistry } from './sync/registry.js';
import type { RoomBus } from './sync/bus.js';
import { LocalBus } from './sync/bus/local.js';
import { followBusEvents } from './sync/busEvents.js';
import { Cached } from './sync/accessCache.js';
import { httpServerOptions } from './sync/upgrade.js';
import { addDraftAuthors } from './amendments/drafts.js';
import { Authenticator } from './auth/auth.js';
import { accountRoomAccess } from './auth/access.js';
import { accountId, accountName, standingOf } from './auth/account.js';
import { authenticate } from './auth/request.js';
import { loadSigningKey } from './auth/tokens.js';
import type { AppContext } from './context.js';
import { errorHandler, unknownApiAddress } from './http/errors.js';
import { FALLBACK_COLOR } from '../shared/auth/person.js';
import { jsonBody } from './http/jsonBody.js';
import { compileTrustProxy, requestGuard, type OriginPolicy } from './http/origin.js';
import { securityHeaders } from './http/securityHeaders.js';
import { Sessions, DEFAULT_SESSION_IDLE_HOURS } from './auth/sessions.js';
import { admitUpgrade } from './auth/upgrade.js';
import { NumberRegistry, numberingHooks } from './documents/numbering.js';
import { startFeatures } from './feature.js';
import { SERVER_FEATURES } from './features.js';
import { DomainEvents } from './domain/events.js';

export interface AppOptions {
  /** Every repository, opened once by the caller (`openSqliteStorage`), who also closes it. */
  storage: Repositories;
  /** The data directory: the signing key lives there, unless `key` is given. */
  dataDir: string;
  /** The signing key (`instanceKey`: AKKOORD_SECRET or the database's); else the data directory's key file. */
  key?: Uint8Array;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** The built client to serve (dist/); omitted in API-only tests. */
  staticDir?: string;
  /** The address in sign-in links; defaults to http://localhost:<port>. */
  publicUrl?: string;
  /** Which proxies to believe about https and the host (AKKOORD_TRUST_PROXY); none by default. */
  trustProxy?: string;
  /** How long a browser session lives without use (AKKOORD_SESSION_IDLE_HOURS); 12 hours by default. */
  sessionIdleMs?: number;
  /** The clock of sessions (tests move it). */
  now?: () => Date;
  /** The other instances on the same database (REDIS_URL); none by default. The caller closes it. */
  bus?: RoomBus;
}

export interface RunningApp {
  url: string;
  port: number;
  ctx: AppContext;
  close(): Promise<void>;
}

/** The room name of a sync URL (`/sync/<room>`), or null when the path is not a sync path. */
export function roomOfPath(pathname: string): string | null {
  if (!pathname.startsWith(`${SYNC_PATH}/`)) return null;
  try {
    const room = decodeURIComponent(pathname.slice(SYNC_PATH.length + 1));
    return room.length > 0 && room.length <= 200 ? room : null;
  } catch {
    return null;
  }
}

/**
 * Starts Akkoord: express (API and the built client) and the y-websocket sync on one port, with every
 * feature of `server/features.ts` mounted and started in order. `close()` stops them all again.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const repositories = options.storage;
  const { store, audit, people, administrators, sessions, numbers, clientIds } = repositories;
  const key = options.key ?? loadSigningKey(options.dataDir);
  let port = options.port;
  const numbering = new NumberRegistry(numbers, audit);
  const bus = options.bus ?? new LocalBus();
  const ctx: AppContext = {
    ...repositories,
    rooms: new Rooms(store, numberingHooks(numbering, store), {
      claims: clientIds,
      onDraftsEdited: addDraftAuthors,
      bus,
    }),
    auth: new Authenticator(
      key,
      people,
      new Sessions(sessions, {
        idleMs: options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_HOURS * 3_600_000,
        now: options.now ?? (() => new Date()),
        onEnd: (key, reason) => bus.announce({ kind: 'endSession', key, reason }),
      }),
      administrators,
    ),
    connections: new ConnectionRegistry(),
    bus,
    events: new DomainEvents(),
    draftingModes: new Cached((documentId: string) => people.drafting(documentId)),
    key,
    publicUrl: () => options.publicUrl ?? `http://localhost:${port}`,
  };

  followBusEvents(ctx);

  const origins: OriginPolicy = { publicUrl: ctx.publicUrl, trust: compileTrustProxy(options.trustProxy) };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', origins.trust);
  app.use(securityHeaders(origins));
  app.use(jsonBody());
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use('/api', requestGuard(origins));
  app.use('/api', authenticate(ctx.auth));
  for (const feature of SERVER_FEATURES)
    for (const router of feature.routers ?? []) app.use('/api', router(ctx));
  app.use('/api', unknownApiAddress);
  if (options.staticDir && fs.existsSync(options.staticDir)) {
    const dir = options.staticDir;
    app.use(express.static(dir, { index: false }));
    app.get(/^(?!\/api\/|\/sync\/).*/, (_req, res) => res.sendFile(path.join(dir, 'index.html')));
  }
  app.use(errorHandler);

  const server = http.createServer(httpServerOptions(ctx.rooms.settings), app);
  // ws enforces a hard ceiling itself; the connection handler closes with a reason below it.
  const wss = new WebSocketServer({ noServer: true, maxPayload: Limits.maxSyncBytes + 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const name = roomOfPath(url.pathname);
    const room = name === null ? null : parseRoomName(name);
    if (name === null || room === null) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Messages that arrive while the token is checked wait in ws's buffer: nothing is lost or let through.
      ws.pause();
      const refuse = (code: number, reason: string) => {
        ws.resume();
        ws.close(code, reason);
      };
      void (async () => {
        const admission = await admitUpgrade(req, url, ctx.auth, origins);
        if (admission.kind === 'refused') return refuse(admission.code, admission.reason);
        const account = admission.account;
        const id = accountId(account);
        if (!(await store.getDocument(room.documentId))) {
          return refuse(CloseCode.notFound, `Er is geen document "${room.documentId}"`);
        }
        // Asked before every message, from what was read at most a moment ago (`accessCache.ts`): a
        // revocation or an ended session closes the connection itself, a change of drafting is forgotten.
        // A quarter of a second: a revocation from the command line (another process, no bus) counts that soon.
        const accounts = new Cached(() => ctx.auth.account(id), 250);
        const access = async () => {
          const current = await accounts.get(null);
          if (!current) return 'none' as const;
          return accountRoomAccess(current, room, await ctx.draftingModes.get(room.documentId));
        };
        if ((await access()) === 'none') return refuse(CloseCode.forbidden, 'Geen toegang tot deze ruimte');
        if (ctx.connections.count(id) >= ctx.rooms.settings.connectionsPerPerson)
          return refuse(CloseCode.tooManyConnections, 'Te veel open verbindingen; sluit andere vensters');
        const person = account.kind === 'person' ? account.person : null;
        const party = person ? await people.party(person.documentId, person.party) : null;
        const opened = await ctx.rooms.open(name);
        if (ws.readyState !== ws.OPEN) return void ctx.rooms.release(opened);
        const conn = serveConnection(ws, ctx.rooms, opened, {
          personId: id,
          // Everyone in the room sees who reads along, an administrator too.
          user: {
            name: accountName(account),
            party: person?.party ?? '',
            color: party?.color ?? FALLBACK_COLOR,
            role: standingOf(account),
          },
          access,
        });
        const unregister = ctx.connections.add(conn);
        admission.bind(ws, conn);
        ws.once('close', unregister);
        ws.resume();
      })().catch(() => refuse(1011, 'Interne fout'));
    });
  });

  const stopFeatures = await startFeatures(SERVER_FEATURES, ctx);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
    });
  } catch (err) {
    stopFeatures();
    throw err;
  }
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://localhost:${port}`,
    port,
    ctx,
    close: async () => {
      stopFeatures();
      for (const ws of wss.clients) ws.close(CloseCode.goingAway, 'Server stopt');
      await new Promise<void>((resolve) => {
        wss.close(() => resolve());
      });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.rooms.closeAll();
      await clientIds.settled();
    },
  };
}
