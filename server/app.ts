import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import express from 'express';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { CloseCode, SYNC_PATH } from '../shared/protocol/protocol.js';
import type { Store } from './storage/store.js';
import { Rooms } from './sync/rooms.js';
import { serveConnection } from './sync/connection.js';
import { Limits } from './sync/limits.js';
import { apiRouter, errorHandler } from './http/api.js';

export interface AppOptions {
  store: Store;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** The built client to serve (dist/); omitted in API-only tests. */
  staticDir?: string;
}

export interface RunningApp {
  url: string;
  port: number;
  rooms: Rooms;
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
 * Starts Akkoord: express (API and the built client) and the y-websocket sync on one port.
 * Reads like a table of contents; each concern lives in its own file.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { store } = options;
  const rooms = new Rooms(store);
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, documents: store.listDocuments().length });
  });
  app.use('/api', apiRouter(store, rooms));
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
    const room = roomOfPath(url.pathname);
    if (room === null) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const documentId = room.split('/')[0] ?? '';
      if (!store.getDocument(documentId)) {
        ws.close(CloseCode.notFound, `Er is geen document "${documentId}"`);
        return;
      }
      serveConnection(ws, rooms, room, { personId: null });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://localhost:${port}`,
    port,
    rooms,
    close: async () => {
      for (const ws of wss.clients) ws.close(CloseCode.goingAway, 'Server stopt');
      await new Promise<void>((resolve) => {
        wss.close(() => resolve());
      });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rooms.closeAll();
    },
  };
}
