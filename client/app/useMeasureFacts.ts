import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { META, type Amendment, type MeasureStatusRecord } from '../../shared/amendments/types.js';
import { THREADS_MAP, type Thread } from '../../shared/comments/types.js';
import type { MeasureFacts } from './outlineFilter.js';

/** Reads each measure's status, pending amendments and open shared threads from the meta room, live. */
export function useMeasureFacts(meta: Y.Doc | null): Map<string, MeasureFacts> {
  const [facts, setFacts] = useState(new Map<string, MeasureFacts>());
  useEffect(() => {
    if (!meta) return;
    const amendments = meta.getMap<Amendment>(META.amendments);
    const statuses = meta.getMap<MeasureStatusRecord>(META.measureStatuses);
    const threads = meta.getMap<Thread>(THREADS_MAP);
    const update = () => {
      const next = new Map<string, MeasureFacts>();
      const of = (id: string) => {
        let f = next.get(id);
        if (!f) next.set(id, (f = { status: 'open', pendingBy: new Set(), pending: 0, openThreads: 0 }));
        return f;
      };
      statuses.forEach((record, id) => (of(id).status = record.status));
      amendments.forEach((a) => {
        if (a.status !== 'submitted') return;
        const f = of(a.measureId);
        f.pendingBy.add(a.party);
        f.pending++;
      });
      threads.forEach((t) => {
        if (t.status.kind === 'open' && t.anchor.measureId) of(t.anchor.measureId).openThreads++;
      });
      setFacts(next);
    };
    update();
    meta.on('update', update);
    return () => meta.off('update', update);
  }, [meta]);
  return facts;
}
