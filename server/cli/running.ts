import type { Agenda } from '../../shared/agenda/types.js';
import { dataDir } from '../config.js';
import { databaseUrl } from '../storage/open.js';
import { Conflict, Invalid, NotFound, Unauthenticated, type DomainError } from '../domain/errors.js';
import { serverRunning } from '../pidfile.js';
import type { DocumentRecord } from '../storage/store.js';
import { publicUrl } from './people.js';

/** Whether a server runs on this command's data folder. */
export function servingHere(): boolean {
  // On PostgreSQL the servers may run on any machine: this command cannot see them, so it assumes they run.
  if (databaseUrl()) return true;
  return serverRunning(dataDir());
}

/**
 * Refuses to replace a document underneath a server running on this data folder. The server holds the
 * document's rooms in memory and writes them back (every update, every compaction): a replacement in the
 * database alone would leave its copy out of step with the stored one, and the next compaction would mix the
 * two texts. `viaServer`: the command could ask the server instead, given an administrator's token.
 */
export function refuseReplaceWhileServing(documentId: string, viaServer: boolean): void {
  if (!servingHere()) return;
  throw new Conflict(
    'running server',
    `Akkoord draait op deze gegevens, dus ${documentId} wordt niet vervangen (er is niets gewijzigd): ` +
      (viaServer
        ? 'geef --token <token van een beheerder> om de agenda in de draaiende server te vervangen, stop de server eerst, of importeer onder een nieuwe --id.'
        : 'stop de server eerst, of importeer onder een nieuwe --id.'),
  );
}

/** The domain error of an answer of the server, with its sentence. */
function errorOfAnswer(status: number, sentence: string): DomainError {
  if (status === 401 || status === 403) return new Unauthenticated(sentence);
  if (status === 404) return new NotFound('document', sentence);
  if (status === 409) return new Conflict('document', sentence);
  return new Invalid(sentence);
}

/**
 * Replaces a document's agenda through the running server (`PUT /api/documents/:id`, as the administrator
 * whose token is given), so its open rooms are closed for a reload and its copy stays in step.
 */
export async function replaceThroughServer(
  documentId: string,
  input: { agenda: Agenda; title?: string },
  token: string,
): Promise<DocumentRecord> {
  const url = `${publicUrl().replace(/\/$/, '')}/api/documents/${encodeURIComponent(documentId)}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch (err) {
    throw new Conflict(
      'running server',
      `De server op ${url} antwoordt niet (${(err as Error).message}); zet AKKOORD_URL of PORT op het adres van de draaiende server. Er is niets gewijzigd.`,
    );
  }
  const body = (await res.json().catch(() => null)) as { error?: string } | DocumentRecord | null;
  if (!res.ok)
    throw errorOfAnswer(
      res.status,
      (body as { error?: string } | null)?.error ?? `De server antwoordde ${res.status}.`,
    );
  return body as DocumentRecord;
}
