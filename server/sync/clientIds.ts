/** The owner of a claimed client id: a person's id, or null for the server. */
export type ClientIdOwner = string | null;

/**
 * The claims of Yjs client ids, per document: claimed by a person with their connection's first update, by
 * the server with its own writes. An update carrying structs of a client id someone else claimed is refused;
 * authorship can be read from item ids. Asked for every update, so answered from memory.
 */
export interface ClientIdClaims {
  /** The owner of a client id in a document, or undefined when nobody claimed it. */
  ownerOf(documentId: string, clientId: number): ClientIdOwner | undefined;
  /** Claims a client id for an owner; false when someone else had claimed it already. */
  claim(documentId: string, clientId: number, owner: ClientIdOwner): boolean;
  /**
   * Reads a document's stored claims into memory; a room awaits it before it is served, so `ownerOf` and
   * `claim` can answer at once. (Claims in memory only need no loading.)
   */
  load?(documentId: string): Promise<void>;
}

/**
 * The stored claims (`client_ids`, migration 11): also removed with a replaced document. A claim is decided
 * in memory and written at once; a store whose writes are asynchronous finishes them before `settled`
 * resolves. Of two instances that claim the same id at the same moment, the first write wins in the
 * database (the other instance's memory learns it when it next loads the document).
 */
export interface ClientIdRepository extends ClientIdClaims {
  load(documentId: string): Promise<void>;
  /** Resolves when every claim made so far is stored. */
  settled(): Promise<void>;
  /** Forgets the claims of a document (its rooms are replaced). */
  removeDocument(documentId: string): Promise<void>;
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
