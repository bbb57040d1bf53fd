import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Agenda } from '../shared/agenda/types.js';
import { openSqliteStorage, type SqliteStore } from '../server/storage/sqlite.js';
import { startApp, type RunningApp } from '../server/app.js';
import { importAgenda } from '../server/documents/import.js';
import { invitePerson } from '../server/people/invite.js';
import type { PersonRecord } from '../server/people/repository.js';
import { SECRETARIAT } from '../shared/auth/person.js';

/** A benchmark's server: a real one on loopback with a temporary SQLite file (removed on stop), one agenda and its chair. */
export interface BenchServer {
  app: RunningApp;
  store: SqliteStore;
  chair: { person: PersonRecord; token: string; url: string };
  stop(): Promise<void>;
}

/**
 * Starts Akkoord on a free loopback port with `agenda` imported as `documentId` and a chair invited; with
 * `client`, the built client (dist/) is served too, or the folder `client` names.
 */
export async function serveAgenda(
  agenda: Agenda,
  documentId: string,
  client: boolean | string = false,
): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-bench-'));
  const storage = openSqliteStorage(path.join(dir, 'akkoord.sqlite'));
  const { store } = storage;
  importAgenda(store, { id: documentId, agenda });
  const app = await startApp({
    storage,
    dataDir: dir,
    port: 0,
    host: '127.0.0.1',
    staticDir: typeof client === 'string' ? client : client ? path.resolve('dist') : undefined,
  });
  app.ctx.people.ensureDefaultParties(documentId);
  const chair = await invitePerson(app.ctx.people, app.ctx.key, app.url, {
    documentId,
    name: 'Voorzitter',
    party: SECRETARIAT,
    role: 'chair',
  });
  return {
    app,
    store,
    chair,
    stop: async () => {
      await app.close();
      storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
