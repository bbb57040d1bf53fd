import type Database from 'better-sqlite3';

// migration: client_ids
/**
 * Who writes with which Yjs client id, per document: claimed by a person with their connection's first
 * update, by the server (person_id NULL) with its own writes. Kept so that an update carrying structs of a
 * client id someone else claimed is refused, and so authorship can be read from item ids.
 */
export const CLIENT_IDS_MIGRATION = `
CREATE TABLE IF NOT EXISTS client_ids (
  document_id TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  person_id TEXT,
  claimed_at TEXT NOT NULL,
  PRIMARY KEY (document_id, client_id)
) WITHOUT ROWID;
`;

/** The owner of a claimed client id: a person's id, or null for the server. */
export type ClientIdOwner = string | null;

/** The claims of Yjs client ids: asked for every update, so answered from memory. */
export interface ClientIdClaims {
  /** The owner of a client id in a document, or undefined when nobody claimed it. */
  ownerOf(documentId: string, clientId: number): ClientIdOwner | undefined;
  /** Claims a client id for an owner; false when someone else had claimed it already. */
  claim(documentId: string, clientId: number, owner: ClientIdOwner): boolean;
}

/** Claims kept in memory only (the command line's read-only rooms, unit tests). */
export class MemoryClientIds implements ClientIdClaims {
  private readonly byDocument = new Map<string, Map<number, ClientIdOwner>>();

  ownerOf(documentId: string, clientId: number): ClientIdOwner | undefined {
    return this.byDocument.get(documentId)?.get(clientId);
  }

  claim(documentId: string, clientId: number, owner: ClientIdOwner): boolean {
    let claims = this.byDocument.get(documentId);
    if (!claims) this.byDocument.set(documentId, (claims = new Map()));
    const current = claims.get(clientId);
    if (current !== undefined) return current === owner;
    claims.set(clientId, owner);
    return true;
  }
}

/** Claims in SQLite, read per document once into memory; the server is the only process that writes them. */
export class ClientIdRepository implements ClientIdClaims {
  private readonly cache = new Map<string, Map<number, ClientIdOwner>>();
  private readonly q;

  constructor(db: Database.Database) {
    db.exec(CLIENT_IDS_MIGRATION);
    this.q = {
      all: db.prepare<[string], { client_id: number; person_id: string | null }>(
        'SELECT client_id, person_id FROM client_ids WHERE document_id = ?',
      ),
      insert: db.prepare(
        'INSERT OR IGNORE INTO client_ids (document_id, client_id, person_id, claimed_at) VALUES (?, ?, ?, ?)',
      ),
    };
  }

  private claims(documentId: string): Map<number, ClientIdOwner> {
    let claims = this.cache.get(documentId);
    if (!claims) {
      claims = new Map(this.q.all.all(documentId).map((row) => [row.client_id, row.person_id]));
      this.cache.set(documentId, claims);
    }
    return claims;
  }

  ownerOf(documentId: string, clientId: number): ClientIdOwner | undefined {
    return this.claims(documentId).get(clientId);
  }

  claim(documentId: string, clientId: number, owner: ClientIdOwner): boolean {
    const claims = this.claims(documentId);
    const current = claims.get(clientId);
    if (current !== undefined) return current === owner;
    this.q.insert.run(documentId, clientId, owner, new Date().toISOString());
    claims.set(clientId, owner);
    return true;
  }
}
