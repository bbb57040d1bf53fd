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

afterEach(() => {
  rooms?.closeAll();
  storage?.close();
  rooms = storage = null;
});

function restored(changes: 'marked' | 'clean') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-restore-'));
  storage = openSqliteStorage(path.join(dir, 'akkoord.db'));
  rooms = new Rooms(storage.store);
  const data = importJsonExport(exportJson(exportInput({ changes })));
  restoreJsonExport({ ...storage, rooms }, { id: 'kopie', data });
  return storage.store;
}

describe('the original’s Yjs state of a restored JSON export', () => {
  it('is unknown when the export carries an original beside an edited text', () => {
    const store = restored('marked');
    expect(store.getBaseline('kopie')).not.toBeNull();
    expect(store.getOriginalState('kopie')).toBeNull();
  });

  it('is the first update when a clean export is both the original and the text', () => {
    const store = restored('clean');
    expect(store.getOriginalState('kopie')).toEqual(store.fetchUpdates('kopie')[0]);
  });
});
