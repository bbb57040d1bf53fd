import type Database from 'better-sqlite3';

// migration: none — reads the stored update log's (room, seq) index; no table of its own.

/**
 * How far each room's stored log has come: the highest sequence number of its updates. Every change of a
 * room is appended before anyone sees it (and compaction appends a new, higher one), so an unchanged
 * number means an unchanged room, whether the room is loaded now or not.
 */
export class RoomVersions {
  private readonly latest;

  constructor(db: Database.Database) {
    this.latest = db.prepare<[string], { seq: number | null }>(
      'SELECT MAX(seq) AS seq FROM updates WHERE room = ?',
    );
  }

  /** The room's version now; 0 for a room with nothing stored. */
  of(room: string): number {
    return this.latest.get(room)?.seq ?? 0;
  }
}
