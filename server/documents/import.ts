import * as Y from 'yjs';
import { prosemirrorToYDoc } from 'y-prosemirror';
import { buildDocument } from '../../shared/agenda/build.js';
import type { Agenda } from '../../shared/agenda/types.js';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { DOCUMENT_ID } from '../../shared/protocol/rooms.js';
import type { Store } from '../storage/store.js';

export { DOCUMENT_ID } from '../../shared/protocol/rooms.js';

/**
 * Stores an agenda as a new document: the baseline (the original, immutable) and the live text, seeded
 * here on the server as the room's first update — never by a client, where two seeding at once would
 * duplicate the text.
 */
export async function importAgenda(
  store: Store,
  options: { id: string; title?: string; agenda: Agenda; replace?: boolean },
): Promise<void> {
  if (!DOCUMENT_ID.test(options.id)) {
    throw new RangeError(
      `Ongeldige document-id "${options.id}": gebruik kleine letters, cijfers en streepjes`,
    );
  }
  const agenda = options.title ? { ...options.agenda, title: options.title } : options.agenda;
  const ydoc = prosemirrorToYDoc(buildDocument(agenda), TEXT_FRAGMENT);
  const initialUpdate = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  await store.createDocument(
    { id: options.id, title: agenda.title, baseline: agenda, initialUpdate },
    options.replace,
  );
}
