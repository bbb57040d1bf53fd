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
