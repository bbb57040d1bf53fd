import { dataDir } from '../config.js';
import { Conflict } from '../domain/errors.js';
import { serverRunning } from '../pidfile.js';

/**
 * Refuses to replace a document while a server runs on this data folder. The server holds the document's
 * rooms in memory and writes them back (every update, every compaction): a replacement underneath it would
 * leave its copy out of step with the stored one, and the next compaction would mix the two texts.
 */
export function refuseReplaceWhileServing(documentId: string): void {
  if (!serverRunning(dataDir())) return;
  throw new Conflict(
    'running server',
    `Akkoord draait op deze gegevens, dus ${documentId} wordt niet vervangen (er is niets gewijzigd): stop de server eerst, laat een beheerder de agenda vervangen met PUT /api/documents/${documentId}, of importeer onder een nieuwe --id.`,
  );
}
