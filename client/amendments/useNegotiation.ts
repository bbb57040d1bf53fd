import { useEffect, useState } from 'react';
import { META, SECRETARIAT_IS_PARTY } from '../../shared/amendments/types.js';
import { compareNumbers } from '../../shared/amendments/decisions.js';
import type { Amendment, MeasurePositions, MeasureStatusRecord } from '../../shared/amendments/types.js';
import { api } from '../app/session.js';
import type { RoomHandle } from '../app/useRoom.js';

export { useParties } from '../app/parties.js';

/** Everything of the negotiation that everyone sees, as the meta room holds it now. */
export interface Negotiation {
  amendments: Amendment[];
  statuses: Record<string, MeasureStatusRecord>;
  positions: Record<string, MeasurePositions>;
  /** Whether the secretariat is a party to the agreement (and so takes positions): a document setting. */
  secretariatIsParty: boolean;
}

const EMPTY: Negotiation = { amendments: [], statuses: {}, positions: {}, secretariatIsParty: false };

/** Reads the meta room's amendments, statuses and positions; reads them again whenever the server writes. */
export function readNegotiation(meta: RoomHandle | null): Negotiation {
  if (!meta) return EMPTY;
  const amendments = Object.values(meta.doc.getMap(META.amendments).toJSON() as Record<string, Amendment>);
  amendments.sort((a, b) => compareNumbers(a.number, b.number));
  return {
    amendments,
    statuses: meta.doc.getMap(META.measureStatuses).toJSON() as Record<string, MeasureStatusRecord>,
    positions: meta.doc.getMap(META.measurePositions).toJSON() as Record<string, MeasurePositions>,
    secretariatIsParty: meta.doc.getMap(META.settings).get(SECRETARIAT_IS_PARTY) === true,
  };
}

/** The negotiation live from the meta room (server-written; this client only reads it). */
export function useNegotiation(meta: RoomHandle | null): Negotiation {
  const [value, setValue] = useState<Negotiation>(() => readNegotiation(meta));
  useEffect(() => {
    if (!meta) return;
    let frame = 0;
    // Many server writes can arrive at once (an accept rejects its alternatives): read once per frame.
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setValue(readNegotiation(meta)));
    };
    setValue(readNegotiation(meta));
    meta.doc.on('update', update);
    return () => {
      cancelAnimationFrame(frame);
      meta.doc.off('update', update);
    };
  }, [meta]);
  return value;
}

const originals = new Map<string, Promise<Map<string, string>>>();

/** The original (imported) text of every measure, asked once per page (the baseline never changes). */
export function useOriginals(documentId: string): Map<string, string> {
  const [value, setValue] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let promise = originals.get(documentId);
    if (!promise) {
      promise = api<{ chapters: { sections: { measures: { id: string; text: string }[] }[] }[] }>(
        'GET',
        `/api/documents/${documentId}/baseline`,
      ).then(
        (b) =>
          new Map(
            b.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures.map((m) => [m.id, m.text]))),
          ),
      );
      originals.set(documentId, promise);
    }
    let live = true;
    promise.then((o) => live && setValue(o)).catch(() => originals.delete(documentId));
    return () => {
      live = false;
    };
  }, [documentId]);
  return value;
}
