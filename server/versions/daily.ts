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
  async check(documentId: string, now: Date): Promise<VersionSummary[]> {
    const watch = await this.versions.watch(documentId);
    const lastUpdate = await this.store.lastUpdateAt(documentId);
    let current: Promise<TextSnapshot> | null = null;
    const currentSnapshot = () => (current ??= snapshotLive(this.store, this.rooms, documentId));
    const plan = planDaily(
      watch,
      {
        stateVector: base64(await liveStateVector(this.store, this.rooms, documentId)),
        lastUpdateDay: lastUpdate ? dayOf(lastUpdate) : null,
      },
      dayOf(now),
    );
    const stored: VersionSummary[] = [];
    for (const action of plan.actions) {
      // The watch keeps a text from its first check on; the current one stands in should it ever lack it.
      const text =
        action.kind === 'store-current'
          ? await currentSnapshot()
          : (watch?.text ?? (await currentSnapshot()));
      stored.push(
        await this.versions.create({
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
    const snapshot = plan.takeSnapshot ? await currentSnapshot() : null;
    await this.versions.saveWatch(documentId, {
      ...plan.next,
      text: snapshot ? { agenda: snapshot.agenda, state: snapshot.state } : null,
    });
    return stored;
  }

  /** Checks every document at `now`. */
  async checkAll(now: Date): Promise<void> {
    for (const doc of await this.store.listDocuments()) await this.check(doc.id, now);
  }
}

/**
 * Checks every document now — before anyone is connected, so a day that ended while the server was down is
 * kept exactly — and then every `DAILY_CHECK_INTERVAL_MS`, until the returned stop is called. A failed
 * check is logged and tried again at the next tick.
 */
export async function startDailyVersions(ctx: AppContext, now: () => Date = () => new Date()): Promise<Stop> {
  const daily = new DailyVersions(ctx.store, ctx.rooms, ctx.versions);
  // One check at a time here, and one instance at a time (several share the database): the next one finds
  // the day's version made.
  let checking: Promise<void> = Promise.resolve();
  const check = () =>
    (checking = checking
      .then(() => ctx.bus.exclusive('daily-versions', DAILY_CHECK_INTERVAL_MS, () => daily.checkAll(now())))
      .then(
        () => undefined,
        (err: unknown) => console.error('Dagversie mislukt:', err),
      ));
  await check();
  const timer = setInterval(() => void check(), DAILY_CHECK_INTERVAL_MS);
  return () => clearInterval(timer);
}
