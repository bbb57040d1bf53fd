/**
 * What happened in the domain, told by the services after their change is stored, for features that react
 * to it (notifications). A listener's failure is logged and never undoes or fails the change that was made.
 */
import type { Amendment, Position } from '../../shared/amendments/types.js';
import type { Message, Thread } from '../../shared/comments/types.js';
import type { DraftingMode } from '../../shared/auth/roles.js';
import type { PersonRecord } from '../people/repository.js';

/** The events, one kind each. */
export type DomainEvent =
  | { kind: 'comment.posted'; thread: Thread; message: Message; actor: PersonRecord }
  | {
      kind: 'amendment.position';
      amendment: Amendment;
      party: string;
      position: Position;
      actor: PersonRecord;
    }
  | { kind: 'amendment.decided'; amendment: Amendment; actor: PersonRecord }
  | { kind: 'drafting.changed'; documentId: string; mode: DraftingMode; actor: PersonRecord };

/** The listeners of domain events, called in order, synchronously, after the change. */
export class DomainEvents {
  private readonly listeners: ((event: DomainEvent) => void)[] = [];

  /** Adds a listener; returns how to remove it. */
  on(listener: (event: DomainEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  /** Tells every listener. */
  emit(event: DomainEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        console.error(`Een reactie op ${event.kind} mislukte:`, err);
      }
    }
  }
}
