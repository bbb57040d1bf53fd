import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStorage, type SqliteStorage, type SqliteStore } from '../../server/storage/sqlite.js';
import { startApp, type AppOptions, type RunningApp } from '../../server/app.js';
import { invitePerson } from '../../server/people/invite.js';
import { appointAdministrator } from '../../server/people/admin.js';
import type { Role } from '../../shared/auth/roles.js';

export interface TestServer {
  app: RunningApp;
  /** The update store, with its database handle (`store.db`) for tests that inspect or damage the file. */
  store: SqliteStore;
  /** Every repository of the server's database (the same ones as `app.ctx`). */
  storage: SqliteStorage;
  dir: string;
  wsUrl: string;
  /** Invites a person to a document and returns their token (the default parties are there). */
  invite(input: {
    party: string;
    role: Role;
    name?: string;
    documentId?: string;
    expiresInDays?: number;
  }): Promise<Invited>;
  /** Makes an administrator of the instance and returns their token. */
  appointAdmin(name?: string): Promise<Invited>;
  /** An HTTP request to the API as a person (by token), JSON in and out. */
  api(
    token: string | null,
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }>;
  /** Stops the server and closes the database, keeping the data directory (for restart tests). */
  stop(): Promise<void>;
  /** Starts a new server on the same data directory. */
  restart(): Promise<TestServer>;
}

export interface Invited {
  token: string;
  personId: string;
  url: string;
}

/** A real Akkoord server on port 0 with a real SQLite database in a fresh temporary directory. */
export async function startTestServer(
  options: {
    dir?: string;
    seed?: (store: SqliteStore) => unknown;
    staticDir?: string;
    /** More of the app's options (trusted proxies, session idle time, a clock). */
    app?: Pick<AppOptions, 'trustProxy' | 'sessionIdleMs' | 'now' | 'publicUrl'>;
  } = {},
): Promise<TestServer> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-test-'));
  const storage = openSqliteStorage(path.join(dir, 'akkoord.sqlite'));
  const { store } = storage;
  await options.seed?.(store);
  const app = await startApp({
    storage,
    dataDir: dir,
    port: 0,
    host: '127.0.0.1',
    staticDir: options.staticDir,
    ...options.app,
  });
  const self: TestServer = {
    app,
    store,
    storage,
    dir,
    wsUrl: `ws://127.0.0.1:${app.port}/sync`,
    invite: async (input) => {
      const documentId = input.documentId ?? (await store.listDocuments())[0]!.id;
      await app.ctx.people.ensureDefaultParties(documentId);
      const invited = await invitePerson(app.ctx.people, app.ctx.key, app.url, {
        documentId,
        name: input.name ?? `${input.role} ${input.party}`,
        party: input.party,
        role: input.role,
        expiresInDays: input.expiresInDays,
      });
      return { token: invited.token, personId: invited.person.id, url: invited.url };
    },
    appointAdmin: async (name = 'Beheerder') => {
      const made = await appointAdministrator(app.ctx.administrators, app.ctx.key, app.url, name);
      return { token: made.token, personId: made.admin.id, url: made.url };
    },
    api: async (token, method, url, body) => {
      const res = await fetch(`${app.url}${url}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed };
    },
    stop: async () => {
      await app.close();
      await storage.close();
    },
    restart: async () => {
      await self.stop();
      return startTestServer({ dir, staticDir: options.staticDir, app: options.app });
    },
  };
  return self;
}
