/**
 * What the per-message access check reads, kept for a moment: the account behind a connection and each
 * document's drafting mode. Asking the database before every message (two queries each; a typing person
 * with a cursor sends two messages a keystroke) was most of what PostgreSQL added to a keystroke's way.
 *
 * Nothing that ends or narrows access waits for the moment to pass: a revocation and an ended session close
 * the connections themselves (on every instance, through the bus); a change of drafting forgets the mode
 * here and is announced to the other instances, which forget it too. `ttlMs` bounds what could still be
 * missed — an announcement lost while Redis was down, an invitation that expired — to the same two seconds
 * as the sweep that ends expired connections; the account is read again after a quarter of a second, so a
 * revocation by the command line (another process, which announces nothing) counts that soon.
 */
export class Cached<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();

  constructor(
    private readonly read: (key: K) => Promise<V>,
    private readonly ttlMs = 2_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: K): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = await this.read(key);
    this.entries.set(key, { value, at: this.now() });
    return value;
  }

  forget(key: K): void {
    this.entries.delete(key);
  }
}
