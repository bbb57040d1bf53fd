import type { AppContext } from '../context.js';
import type { Stop } from '../feature.js';
import type { Store } from '../storage/store.js';
import type { Rooms } from '../sync/rooms.js';
import { dayOf, dutchDay } from './days.js';
import { planDaily } from './dailyPlan.js';
import type { VersionsRepository, VersionSummary } from './repository.js';
import { liveStateVector, snapshotLive, type TextSnapshot } from './snapshot.js';

/** How often the running server looks for a new day. A day's version then misses at most this much of it. */
export const DAILY_CHECK_INTERVAL_MS = 60_000;

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/**
 * Keeps one version of the text at the start of every day that follows a day with changes ("Stand van
 * dd-mm-jjjj": the text as that day ended). Checked on start, every minute, and before versions are listed;
 * `check` takes the time as a parameter, so tests run it with any clock.
 */
export class DailyVersions {
  constructor(
    private readonly store: Store,
    private readonly rooms: Rooms,
    private readonly versions: VersionsRepository,
  ) {}

  /** Checks one document at `now`; returns the daily versions it stored (usually none). */
  check(documentId: string, now: Date): VersionSummary[] {
    const watch = this.versions.watch(documentId);
    const lastUpdate = this.store.lastUpdateAt(documentId);
    let current: TextSnapshot | null = null;
    const currentSnapshot = () => (current ??= snapshotLive(this.store, this.rooms, documentId));
    const plan = planDaily(
      watch,
      {
        stateVector: base64(liveStateVector(this.store, this.rooms, documentId)),
        lastUpdateDay: lastUpdate ? dayOf(lastUpdate) : null,
      },
      dayOf(now),
    );
    const stored: VersionSummary[] = [];
    for (const action of plan.actions) {
      // The watch keeps a text from its first check on; the current one stands in should it ever lack it.
      const text = action.kind === 'store-current' ? currentSnapshot() : (watch?.text ?? currentSnapshot());
      stored.push(
        this.versions.create({
          documentId,
          name: `Stand van ${dutchDay(action.day)}`,
          createdAt: now.toISOString(),
          createdBy: null,
          kind: 'daily',
          agenda: text.agenda,
          state: text.state,
        }),
      );
    }
    const snapshot = plan.takeSnapshot ? currentSnapshot() : null;
    this.versions.saveWatch(documentId, {
      ...plan.next,
      text: snapshot ? { agenda: snapshot.agenda, state: snapshot.state } : null,
    });
    return stored;
  }

  /** Checks every document at `now`. */
  checkAll(now: Date): void {
    for (const doc of this.store.listDocuments()) this.check(doc.id, now);
  }
}

/**
 * Checks every document now — before anyone is connected, so a day that ended while the server was down is
 * kept exactly — and then every `DAILY_CHECK_INTERVAL_MS`, until the returned stop is called. A failed
 * check is logged and tried again at the next tick.
 */
export function startDailyVersions(ctx: AppContext, now: () => Date = () => new Date()): Stop {
  const daily = new DailyVersions(ctx.store, ctx.rooms, ctx.versions);
  // One instance at a time (several share the database): the next one finds the day's version made.
  const check = () =>
    void ctx.bus.exclusive('daily-versions', DAILY_CHECK_INTERVAL_MS, () => {
      try {
        daily.checkAll(now());
      } catch (err) {
        console.error('Dagversie mislukt:', err);
      }
    });
  check();
  const timer = setInterval(check, DAILY_CHECK_INTERVAL_MS);
  return () => clearInterval(timer);
}
