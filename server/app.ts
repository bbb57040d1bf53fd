import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import express from 'express';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { CloseCode, SYNC_PATH } from '../shared/protocol/protocol.js';
import { parseRoomName } from '../shared/protocol/rooms.js';
import type { SqliteStore } from './storage/sqlite.js';
import { Rooms } from './sync/rooms.js';
import { serveConnection } from './sync/connection.js';
import { Limits } from './sync/limits.js';
import { ConnectionRegistry } from './sync/registry.js';
import { PeopleRepository } from './people/repository.js';
import { Authenticator } from './auth/auth.js';
import { roomAccess } from './auth/access.js';
import { authenticate } from './auth/request.js';
import { loadSigningKey } from './auth/tokens.js';
import type { AppContext } from './context.js';
import { apiRouter } from './http/api.js';
import { peopleRouter } from './http/people.js';
import { amendmentsRouter } from './http/amendments.js';
import { errorHandler, unknownApiAddress } from './http/errors.js';
import { commentsRouter } from './http/comments.js';
import { exportRouter } from './http/export.js';
import { versionsRouter } from './http/versions.js';
import { searchRouter } from './http/search.js';
import { notificationsRouter } from './http/notifications.js';
import { FALLBACK_COLOR } from '../shared/auth/person.js';
import { jsonBody } from './http/jsonBody.js';
import { compileTrustProxy, requestGuard, type OriginPolicy } from './http/origin.js';
import { securityHeaders } from './http/securityHeaders.js';
import { Sessions, DEFAULT_SESSION_IDLE_HOURS } from './auth/sessions.js';
import { SessionRepository } from './auth/sessionRepository.js';
import { admitUpgrade } from './auth/upgrade.js';
import { DomainEvents } from './domain/events.js';

export interface AppOptions {
  store: SqliteStore;
  /** The data directory: the signing key lives there. */
  dataDir: string;
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
}

export interface RunningApp {
  url: string;
  port: number;
  ctx: AppContext;
  close(): Promise<void>;
}

/** Revocations made elsewhere (the command line) and expiries end open connections within this time. */
const SWEEP_INTERVAL_MS = 2_000;

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
 * Starts Akkoord: express (API and the built client) and the y-websocket sync on one port.
 * Reads like a table of contents; each concern lives in its own file.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { store } = options;
  const people = new PeopleRepository(store.db);
  const key = loadSigningKey(options.dataDir);
  let port = options.port;
  const ctx: AppContext = {
    store,
    rooms: new Rooms(store),
    people,
    auth: new Authenticator(
      key,
      people,
      new Sessions(new SessionRepository(store.db), {
        idleMs: options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_HOURS * 3_600_000,
        now: options.now ?? (() => new Date()),
      }),
    ),
    connections: new ConnectionRegistry(),
    events: new DomainEvents(),
    key,
    publicUrl: () => options.publicUrl ?? `http://localhost:${port}`,
  };

  for (const doc of store.listDocuments()) people.ensureDefaultParties(doc.id);
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
  app.use('/api', peopleRouter(ctx));
  app.use('/api', apiRouter(ctx));
  // feature routers: one line each, e.g. app.use('/api', versionsRouter(ctx));
  app.use('/api', amendmentsRouter(ctx));
  app.use('/api', commentsRouter(ctx));
  app.use('/api', exportRouter(ctx));
  app.use('/api', versionsRouter(ctx));
  app.use('/api', searchRouter(ctx));
  app.use('/api', notificationsRouter(ctx));
  app.use('/api', unknownApiAddress);
  if (options.staticDir && fs.existsSync(options.staticDir)) {
    const dir = options.staticDir;
    app.use(express.static(dir, { index: false }));
    app.get(/^(?!\/api\/|\/sync\/).*/, (_req, res) => res.sendFile(path.join(dir, 'index.html')));
  }
  app.use(errorHandler);

  const server = http.createServer(app);
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
        const person = admission.person;
        if (!store.getDocument(room.documentId)) {
          return refuse(CloseCode.notFound, `Er is geen document "${room.documentId}"`);
        }
        const access = () => {
          const current = people.person(person.id);
          if (!current || !people.isActive(current)) return 'none' as const;
          return roomAccess(current, room, people.drafting(room.documentId));
        };
        if (access() === 'none') return refuse(CloseCode.forbidden, 'Geen toegang tot deze ruimte');
        const party = people.party(person.documentId, person.party);
        const conn = serveConnection(ws, ctx.rooms, name, {
          personId: person.id,
          user: {
            name: person.name,
            party: person.party,
            color: party?.color ?? FALLBACK_COLOR,
            role: person.role,
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

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const sweep = setInterval(() => {
    ctx.connections.sweep((id) => ctx.auth.stillActive(id));
    ctx.auth.sessions.sweep();
  }, SWEEP_INTERVAL_MS);

  return {
    url: `http://localhost:${port}`,
    port,
    ctx,
    close: async () => {
      clearInterval(sweep);
      for (const ws of wss.clients) ws.close(CloseCode.goingAway, 'Server stopt');
      await new Promise<void>((resolve) => {
        wss.close(() => resolve());
      });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      ctx.rooms.closeAll();
    },
  };
}
