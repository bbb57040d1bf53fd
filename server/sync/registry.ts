import { CloseCode } from '../../shared/protocol/protocol.js';
import type { OpenConnection } from './connection.js';

/**
 * The open connections by person, so that a revoked or expired sign-in ends them at once, including those of
 * a revocation made by another process (the command line) which the periodic sweep picks up.
 */
export class ConnectionRegistry {
  private readonly byPerson = new Map<string, Set<OpenConnection>>();

  add(conn: OpenConnection): () => void {
    if (!conn.personId) return () => {};
    const id = conn.personId;
    let set = this.byPerson.get(id);
    if (!set) this.byPerson.set(id, (set = new Set()));
    set.add(conn);
    return () => {
      set.delete(conn);
      if (set.size === 0) this.byPerson.delete(id);
    };
  }

  /** How many connections a person has open now. */
  count(personId: string): number {
    return this.byPerson.get(personId)?.size ?? 0;
  }

  /** Closes every connection of a person with 4401. */
  endPerson(personId: string, reason = 'Uw toegang is ingetrokken of verlopen'): void {
    for (const conn of this.byPerson.get(personId) ?? []) conn.close(CloseCode.unauthorized, reason);
  }

  /** Ends the connections of everyone for whom `stillActive` is false. */
  async sweep(stillActive: (personId: string) => Promise<boolean>): Promise<void> {
    for (const personId of [...this.byPerson.keys()])
      if (!(await stillActive(personId))) this.endPerson(personId);
  }
}
