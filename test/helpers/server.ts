import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../server/storage/sqlite.js';
import { startApp, type RunningApp } from '../../server/app.js';
import type { Store } from '../../server/storage/store.js';

export interface TestServer {
  app: RunningApp;
  store: Store;
  dir: string;
  wsUrl: string;
  /** Stops the server and closes the database, keeping the data directory (for restart tests). */
  stop(): Promise<void>;
  /** Starts a new server on the same data directory. */
  restart(): Promise<TestServer>;
}

/** A real Akkoord server on port 0 with a real SQLite database in a fresh temporary directory. */
export async function startTestServer(
  options: { dir?: string; seed?: (store: Store) => void; staticDir?: string } = {},
): Promise<TestServer> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-test-'));
  const store = openSqliteStore(path.join(dir, 'akkoord.sqlite'));
  options.seed?.(store);
  const app = await startApp({ store, port: 0, host: '127.0.0.1', staticDir: options.staticDir });
  const self: TestServer = {
    app,
    store,
    dir,
    wsUrl: `ws://127.0.0.1:${app.port}/sync`,
    stop: async () => {
      await app.close();
      store.close();
    },
    restart: async () => {
      await self.stop();
      return startTestServer({ dir, staticDir: options.staticDir });
    },
  };
  return self;
}
