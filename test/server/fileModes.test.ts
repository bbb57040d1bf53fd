import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const seed = (store: Parameters<typeof importAgenda>[0]) =>
  importAgenda(store, { id: 'test', agenda: agenda({ WONEN: { Vandaag: ['Meer bouwen.'] } }) });

/** The permission bits of a file or folder, as `ls -l` shows them in octal. */
const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe.skipIf(process.platform === 'win32')('file modes of the data folder', () => {
  it('keeps the data folder, database, WAL, SHM and key private from the first start and after a restart', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-modes-')), 'data');
    // A generous umask, as on many servers: new files would be world-readable without the server's care.
    const umask = process.umask(0o022);
    try {
      server = await startTestServer({ dir, seed });
      const chair = await server.invite({ party: 'SEC', role: 'chair' });
      expect((await server.api(chair.token, 'GET', '/api/me')).status).toBe(200);
      const db = path.join(dir, 'akkoord.sqlite');
      const expected = { dir: '700', db: '600', wal: '600', shm: '600', key: '600' };
      const modes = () => ({
        dir: modeOf(dir),
        db: modeOf(db),
        wal: modeOf(`${db}-wal`),
        shm: modeOf(`${db}-shm`),
        key: modeOf(path.join(dir, 'signing.key')),
      });
      expect(modes()).toEqual(expected);

      server = await server.restart();
      expect(modes()).toEqual(expected);
    } finally {
      process.umask(umask);
    }
  });

  it('tightens modes that were loosened by hand when the server starts again', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-modes-')), 'data');
    server = await startTestServer({ dir, seed });
    const db = path.join(dir, 'akkoord.sqlite');
    await server.stop();
    server = null;
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(db, 0o644);
    fs.chmodSync(path.join(dir, 'signing.key'), 0o644);
    // An empty WAL left behind (SQLite reads it as "nothing to replay"), world-writable.
    fs.writeFileSync(`${db}-wal`, '');
    fs.chmodSync(`${db}-wal`, 0o666);

    server = await startTestServer({ dir });
    expect(modeOf(dir)).toBe('700');
    expect(modeOf(db)).toBe('600');
    expect(modeOf(`${db}-wal`)).toBe('600');
    expect(modeOf(path.join(dir, 'signing.key'))).toBe('600');
    // The data is whole and the server answers.
    expect((await server.store.listDocuments()).map((d) => d.id)).toEqual(['test']);
    const chair = await server.invite({ party: 'SEC', role: 'chair' });
    expect((await server.api(chair.token, 'GET', '/api/me')).status).toBe(200);
  });
});
