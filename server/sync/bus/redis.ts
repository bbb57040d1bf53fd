import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import type { BusEvent, RoomBus, RoomMessage } from '../bus.js';
import { decodeEvent, decodeRoomMessage, encodeEvent, encodeRoomMessage } from './codec.js';

/** Reconnection back-off: quick at first, then every two seconds for as long as Redis is away. */
const reconnectDelay = (retries: number) => Math.min(50 * 2 ** retries, 2_000);

/** Releases a lock only if this instance still holds it (it may have expired and been taken since). */
const RELEASE =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

export interface RedisBusOptions {
  /** redis://[user:password@]host:port[/db] */
  url: string;
  /** Put before every channel and key, so several installations can share one Redis. */
  prefix?: string;
  /** Where errors and recoveries are told (the server's log). */
  log?: Pick<Console, 'error' | 'log'>;
}

/**
 * The room bus on Redis pub/sub (node-redis): one connection publishes and takes locks, one listens. The
 * publishing connection keeps no queue while Redis is away — a message that cannot be sent is dropped, and
 * the instances catch up from the database when Redis is back — so an outage costs no memory. The listening
 * one reconnects by itself with its channels; each time it is ready again, `onReconnect` runs.
 */
export class RedisBus implements RoomBus {
  readonly shared = true;
  private readonly id = randomUUID();
  /** What every channel and key of this installation starts with. */
  readonly prefix: string;
  private readonly log: Pick<Console, 'error' | 'log'>;
  private readonly pub;
  private readonly sub;
  private readonly rooms = new Map<string, (message: RoomMessage) => void>();
  private readonly eventHandlers: ((event: BusEvent) => void)[] = [];
  private readonly reconnectHandlers: (() => void)[] = [];
  /** Whether an outage has been told in the log (told once, and its end once). */
  private down = false;
  private closed = false;

  constructor(private readonly options: RedisBusOptions) {
    this.prefix = options.prefix ?? 'akkoord';
    this.log = options.log ?? console;
    const socket = { reconnectStrategy: reconnectDelay, connectTimeout: 5_000 };
    this.pub = createClient({ url: options.url, socket, disableOfflineQueue: true });
    this.sub = createClient({ url: options.url, socket });
    for (const client of [this.pub, this.sub]) client.on('error', (err: Error) => this.failed(err));
    // Both connections back: what was published meanwhile may be lost both ways, so every room catches up.
    const ready = () => {
      if (!this.pub.isReady || !this.sub.isReady) return;
      if (this.down) {
        this.down = false;
        this.log.log(
          `Redis is weer bereikbaar (${this.where()}); geladen ruimtes halen bij uit de database.`,
        );
      }
      for (const handler of this.reconnectHandlers) {
        try {
          handler();
        } catch (err) {
          this.log.error(`Bijhalen na de terugkeer van Redis mislukt: ${(err as Error).message}`);
        }
      }
    };
    this.pub.on('ready', ready);
    this.sub.on('ready', ready);
  }

  /**
   * Starts connecting, without waiting: a Redis that is away does not keep this instance from serving its
   * own connections (the connections keep trying, and the log says so once).
   */
  start(): this {
    for (const client of [this.pub, this.sub])
      client.connect().catch((err: unknown) => this.failed(err as Error));
    void this.sub
      .subscribe(this.channel('events'), (message: string) => this.event(message))
      .catch((err: unknown) => this.failed(err as Error));
    return this;
  }

  /** Whether both connections to Redis are up now. */
  get ready(): boolean {
    return this.pub.isReady && this.sub.isReady;
  }

  join(room: string, onMessage: (message: RoomMessage) => void): Promise<void> {
    this.rooms.set(room, onMessage);
    return this.sub
      .subscribe(this.roomChannel(room), (data: Buffer) => this.roomMessage(room, data), true)
      .catch((err: unknown) => this.failed(err as Error));
  }

  leave(room: string): void {
    this.rooms.delete(room);
    void this.sub.unsubscribe(this.roomChannel(room)).catch(() => {});
  }

  publish(room: string, message: RoomMessage): void {
    this.send(this.roomChannel(room), Buffer.from(encodeRoomMessage(this.id, message)));
  }

  announce(event: BusEvent): void {
    this.send(this.channel('events'), encodeEvent(this.id, event));
  }

  onEvent(handler: (event: BusEvent) => void): void {
    this.eventHandlers.push(handler);
  }

  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  async exclusive(name: string, ttlMs: number, work: () => void | Promise<void>): Promise<boolean> {
    const key = this.channel(`lock:${name}`);
    const token = `${this.id}:${randomUUID()}`;
    try {
      const taken = await this.pub.set(key, token, {
        condition: 'NX',
        expiration: { type: 'PX', value: ttlMs },
      });
      if (taken !== 'OK') return false;
    } catch {
      return false; // Redis is away: told in the log already; the work is tried again later
    }
    try {
      await work();
    } finally {
      await this.pub.eval(RELEASE, { keys: [key], arguments: [token] }).catch(() => {});
    }
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      [this.pub, this.sub].map(async (client) => {
        if (client.isOpen) await client.close();
        else client.destroy();
      }),
    );
  }

  private send(channel: string, data: Buffer | string): void {
    if (!this.pub.isReady) return; // away: the others catch up from the database when it is back
    void this.pub.publish(channel, data).catch((err: unknown) => this.failed(err as Error));
  }

  private roomMessage(room: string, data: Buffer): void {
    const handler = this.rooms.get(room);
    if (!handler) return;
    let decoded;
    try {
      decoded = decodeRoomMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (err) {
      this.log.error(`Onleesbaar bericht op Redis voor ${room} genegeerd: ${(err as Error).message}`);
      return;
    }
    if (decoded.sender === this.id) return;
    try {
      handler(decoded.message);
    } catch (err) {
      // The room stays as it was; its next message or catch-up reads the log again.
      this.log.error(`Bericht van een andere server voor ${room} niet verwerkt: ${(err as Error).message}`);
    }
  }

  private event(text: string): void {
    let decoded;
    try {
      decoded = decodeEvent(text);
    } catch (err) {
      this.log.error(`Onleesbaar bericht op Redis genegeerd: ${(err as Error).message}`);
      return;
    }
    if (decoded.sender === this.id) return;
    for (const handler of this.eventHandlers) {
      try {
        handler(decoded.event);
      } catch (err) {
        this.log.error(`Bericht van een andere server niet verwerkt: ${(err as Error).message}`);
      }
    }
  }

  private failed(err: Error): void {
    if (this.closed || this.down) return;
    this.down = true;
    this.log.error(
      `Redis is niet bereikbaar (${this.where()}: ${err.message || err.name}). Deze server bedient zijn eigen ` +
        'verbindingen verder; wijzigingen staan in de database en andere servers halen ze bij zodra Redis terug is.',
    );
  }

  /** The Redis address without its password, for the log. */
  private where(): string {
    try {
      const url = new URL(this.options.url);
      url.password = '';
      url.username = '';
      return url.toString();
    } catch {
      return 'REDIS_URL';
    }
  }

  private channel(name: string): string {
    return `${this.prefix}:${name}`;
  }

  private roomChannel(room: string): string {
    return this.channel(`room:${room}`);
  }
}
