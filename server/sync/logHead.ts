/** What an instance does with an update (or a head) it hears of, as `LogHead.offer` decides. */
export type Offer = 'next' | 'known' | 'gap';

/**
 * How far a loaded room has read its log: every update of the room with a sequence number up to `seq` is in
 * the room's document. An update heard of as `{seq, prev}` is the next one when `prev` is exactly that
 * (the head moves on), known when its seq is not past the head, and after a gap otherwise: then the room
 * reads the log from its head (`Store.fetchLog`) and moves the head to the last update read.
 */
export class LogHead {
  constructor(public seq = 0) {}

  /** Decides about an update stored as `seq` right after `prev`, moving the head when it is the next. */
  offer(seq: number, prev: number): Offer {
    if (seq <= this.seq) return 'known';
    if (prev !== this.seq) return 'gap';
    this.seq = seq;
    return 'next';
  }

  /** The log was read up to `seq` (a catch-up, a load). */
  readTo(seq: number): void {
    if (seq > this.seq) this.seq = seq;
  }
}
