/**
 * The meta room as the live mirror of the amendment tables: the server writes plain JSON values there after
 * every accepted request, and every open browser follows them.
 */
import { roomName } from '../../shared/protocol/rooms.js';
import { META } from '../../shared/amendments/types.js';
import type { Amendment, MeasurePositions, MeasureStatusRecord } from '../../shared/amendments/types.js';
import type { Rooms } from '../sync/rooms.js';
import { writeRoom } from '../sync/serverWrite.js';

function metaRoom(documentId: string): string {
  return roomName({ kind: 'meta', documentId });
}

/**
 * Mirrors amendments (from `submitted` on; drafts never go to the meta room) in one change, made by
 * `personId` (null: by Akkoord itself, as in a restore).
 */
export async function mirrorAmendments(
  rooms: Rooms,
  documentId: string,
  personId: string | null,
  amendments: Amendment[],
): Promise<void> {
  const visible = amendments.filter((a) => a.status !== 'draft');
  if (visible.length === 0) return;
  await writeRoom(rooms, metaRoom(documentId), personId, (doc) => {
    const map = doc.getMap(META.amendments);
    for (const a of visible) map.set(a.id, JSON.parse(JSON.stringify(a)) as Amendment);
  });
}

/** Mirrors the parties' positions on one measure. */
export async function mirrorMeasurePositions(
  rooms: Rooms,
  documentId: string,
  personId: string,
  measureId: string,
  positions: MeasurePositions,
): Promise<void> {
  await writeRoom(rooms, metaRoom(documentId), personId, (doc) =>
    doc.getMap(META.measurePositions).set(measureId, positions),
  );
}

/** Mirrors a measure's negotiation status. */
export async function mirrorStatus(
  rooms: Rooms,
  documentId: string,
  personId: string,
  measureId: string,
  record: MeasureStatusRecord,
): Promise<void> {
  await writeRoom(rooms, metaRoom(documentId), personId, (doc) =>
    doc.getMap(META.measureStatuses).set(measureId, record),
  );
}

/** Mirrors several measures' negotiation statuses in one change (a restore). */
export async function mirrorStatuses(
  rooms: Rooms,
  documentId: string,
  personId: string | null,
  records: Record<string, MeasureStatusRecord>,
): Promise<void> {
  if (Object.keys(records).length === 0) return;
  await writeRoom(rooms, metaRoom(documentId), personId, (doc) => {
    const map = doc.getMap(META.measureStatuses);
    for (const [measureId, record] of Object.entries(records)) map.set(measureId, record);
  });
}

/** Mirrors one of the document's settings (a key of the meta room's settings map). */
export async function mirrorSetting(
  rooms: Rooms,
  documentId: string,
  personId: string,
  key: string,
  value: boolean | string,
): Promise<void> {
  await writeRoom(rooms, metaRoom(documentId), personId, (doc) => doc.getMap(META.settings).set(key, value));
}
