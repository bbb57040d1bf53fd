import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportJson, importJsonExport } from '../../server/export/index.js';
import { restoreJsonExport } from '../../server/export/restore.js';
import { openSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite.js';
import { Rooms } from '../../server/sync/rooms.js';
import { exportInput } from '../export/fixture.js';

let storage: SqliteStorage | null = null;
let rooms: Rooms | null = null;

afterEach(async () => {
  await rooms?.closeAll();
  await storage?.close();
  rooms = storage = null;
});

async function restored(changes: 'marked' | 'clean') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-restore-'));
  storage = openSqliteStorage(path.join(dir, 'akkoord.db'));
  rooms = new Rooms(storage.store);
  const data = importJsonExport(exportJson(exportInput({ changes })));
  await restoreJsonExport({ ...storage, rooms }, { id: 'kopie', data });
  return storage.store;
}

describe('the original’s Yjs state of a restored JSON export', () => {
  it('is unknown when the export carries an original beside an edited text', async () => {
    const store = await restored('marked');
    expect(await store.getBaseline('kopie')).not.toBeNull();
    expect(await store.getOriginalState('kopie')).toBeNull();
  });

  it('is the first update when a clean export is both the original and the text', async () => {
    const store = await restored('clean');
    expect(await store.getOriginalState('kopie')).toEqual((await store.fetchUpdates('kopie'))[0]);
  });
});
