import type { RoomBus } from '../bus.js';

/**
 * The bus of an instance alone: nobody to tell, nothing to hear, and every lock free. Work under a lock
 * starts at once, in the same turn, so one instance behaves exactly as it did before there was a bus.
 */
export class LocalBus implements RoomBus {
  readonly shared = false;

  join(): Promise<void> {
    return Promise.resolve();
  }

  leave(): void {}

  publish(): void {}

  announce(): void {}

  onEvent(): void {}

  onReconnect(): void {}

  async exclusive(_name: string, _ttlMs: number, work: () => void | Promise<void>): Promise<boolean> {
    await work();
    return true;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
