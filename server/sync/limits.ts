/**
 * Limits on what one connection may send. Generous for people typing and pasting, tight enough that one
 * misbehaving client cannot exhaust the server.
 */
export const Limits = {
  /** A sync message: a pasted chapter is ~50 KB, the whole agenda ~150 KB; 2 MiB leaves ample room. */
  maxSyncBytes: 2 * 1024 * 1024,
  /** An awareness message carries a name, a colour and a cursor: a few hundred bytes. */
  maxAwarenessBytes: 64 * 1024,
  /** Sustained messages per second per connection; typing fast is ~15, y-prosemirror batches per keystroke. */
  messagesPerSecond: 60,
  /** A burst allowance above the sustained rate (a reconnect replays queued updates at once). */
  burst: 300,
} as const;

/** A token bucket: `take()` is false once a connection has sent more than its rate allows. */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * A budget of bytes per minute (a token bucket holding at most one minute's worth): `take(n)` is false when
 * the last minute's writes leave fewer than `n` bytes.
 */
export class ByteBudget {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = perMinute;
    this.last = now();
  }

  take(bytes: number): boolean {
    const t = this.now();
    this.tokens = Math.min(this.perMinute, this.tokens + ((t - this.last) / 60_000) * this.perMinute);
    this.last = t;
    if (bytes > this.tokens) return false;
    this.tokens -= bytes;
    return true;
  }
}

/**
 * Relays a connection's awareness at most `perSecond` times a second (a burst of one second's worth). A
 * state offered faster is not relayed at once but kept, replacing any older one still waiting, and relayed
 * as soon as the rate allows: the others see the newest cursor, never a flood of intermediate ones.
 */
export class AwarenessGate {
  private tokens: number;
  private last: number;
  private waiting: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = perSecond;
    this.last = now();
  }

  /** Runs `relay` now when the rate allows, else keeps it as the next one to run. */
  offer(relay: () => void): void {
    this.refill();
    if (this.waiting === null && this.tokens >= 1) {
      this.tokens -= 1;
      relay();
      return;
    }
    this.waiting = relay;
    this.schedule();
  }

  /** Forgets a waiting state (the connection closed). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.waiting = null;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, ((1 - this.tokens) / this.perSecond) * 1000);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refill();
      const relay = this.waiting;
      if (!relay) return;
      if (this.tokens < 1) return this.schedule();
      this.tokens -= 1;
      this.waiting = null;
      relay();
    }, Math.ceil(wait));
  }
}

/**
 * The stock y-websocket client sends every awareness update it receives straight back (its awareness
 * handler does not look at the origin): in a room where six people type, each client echoes the others'
 * cursors at up to 60 messages a second, which the message rate alone would close. Each awareness message
 * the server sends a connection gives it one credit; an awareness message it sends while it holds credit
 * uses it instead of the message rate. Credits are capped, so they cannot be saved up for a flood, and what
 * an echo carries is still checked (only the sender's own states are taken, at the awareness rate).
 */
export class EchoCredit {
  private credit = 0;

  constructor(private readonly max: number = Limits.burst) {}

  /** The server sent the connection an awareness message. */
  sent(): void {
    this.credit = Math.min(this.max, this.credit + 1);
  }

  /** The connection sent an awareness message: true when a credit paid for it. */
  take(): boolean {
    if (this.credit < 1) return false;
    this.credit -= 1;
    return true;
  }
}
