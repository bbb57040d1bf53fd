import type { Repositories } from './storage/storage.js';
import type { Rooms } from './sync/rooms.js';
import type { Authenticator } from './auth/auth.js';
import type { ConnectionRegistry } from './sync/registry.js';
import type { RoomBus } from './sync/bus.js';
import type { DomainEvents } from './domain/events.js';
import type { Cached } from './sync/accessCache.js';
import type { DraftingMode } from '../shared/auth/roles.js';

/**
 * What every feature of the server is handed: the repositories (`store`, `audit`, `people`, `amendments`,
 * `comments`, `versions`: interfaces, never a database handle), the live rooms and authentication.
 */
export interface AppContext extends Repositories {
  rooms: Rooms;
  auth: Authenticator;
  connections: ConnectionRegistry;
  /** The other instances on the same database: tell them what must reach their connections too. */
  bus: RoomBus;
  /** Each document's drafting mode as the per-message access check reads it (forget it when it changes). */
  draftingModes: Cached<string, DraftingMode>;
  /** What happened, for features that react to it (notifications). */
  events: DomainEvents;
  /** The signing key of this installation (for sign-in tokens). */
  key: Uint8Array;
  /** The address people reach this server at, for sign-in links. */
  publicUrl: () => string;
}
