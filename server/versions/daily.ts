import type Database from 'better-sqlite3';
import type { Agenda } from '../../shared/agenda/types.js';
import type { AppContext } from '../context.js';
import type { Stop } from '../feature.js';
import type { Store } from '../storage/store.js';
import type { Rooms } from '../sync/rooms.js';
import { dayOf, dutchDay } from './days.js';
import { planDaily, type DailyWatch } from './dailyPlan.js';
import { VersionsRepository, type VersionSummary } from './repository.js';
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
  private readonly q;

  constructor(
    db: Database.Database,
    private readonly store: Store,
    private readonly rooms: Rooms,
    private readonly versions: VersionsRepository,
  ) {
    this.q = {
      get: db.prepare(
        'SELECT state_vector AS stateVector, change_day AS changeDay, pending, agenda, state FROM version_watch WHERE document_id = ?',
      ),
      put: db.prepare(
        `INSERT INTO version_watch (document_id, state_vector, change_day, pending, agenda, state)
         VALUES (@documentId, @stateVector, @changeDay, @pending, @agenda, @state)
         ON CONFLICT (document_id) DO UPDATE SET state_vector = @stateVector, change_day = @changeDay,
           pending = @pending, agenda = COALESCE(@agenda, agenda), state = COALESCE(@state, state)`,
      ),
      lastUpdate: db.prepare('SELECT MAX(created_at) AS at FROM updates WHERE room = ?'),
    };
  }

  /** Checks one document at `now`; returns the daily versions it stored (usually none). */
  check(documentId: string, now: Date): VersionSummary[] {
    const row = this.q.get.get(documentId) as
      | { stateVector: string; changeDay: string | null; pending: number; agenda: string; state: Buffer }
      | undefined;
    const watch: DailyWatch | null = row
      ? { stateVector: row.stateVector, changeDay: row.changeDay, pending: row.pending === 1 }
      : null;
    const lastUpdate = (this.q.lastUpdate.get(documentId) as { at: string | null }).at;
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
      const text =
        action.kind === 'store-current'
          ? currentSnapshot()
          : { agenda: JSON.parse(row!.agenda) as Agenda, state: new Uint8Array(row!.state) };
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
    this.q.put.run({
      documentId,
      stateVector: plan.next.stateVector,
      changeDay: plan.next.changeDay,
      pending: plan.next.pending ? 1 : 0,
      agenda: snapshot ? JSON.stringify(snapshot.agenda) : null,
      state: snapshot ? snapshot.state : null,
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
  const daily = new DailyVersions(ctx.store.db, ctx.store, ctx.rooms, new VersionsRepository(ctx.store.db));
  const check = () => {
    try {
      daily.checkAll(now());
    } catch (err) {
      console.error('Dagversie mislukt:', err);
    }
  };
  check();
  const timer = setInterval(check, DAILY_CHECK_INTERVAL_MS);
  return () => clearInterval(timer);
}
