import type { Agenda } from '../../shared/agenda/types.js';
import { CloseCode } from '../../shared/protocol/protocol.js';
import type { AppContext } from '../context.js';
import { importAgenda } from '../documents/import.js';
import { documentOrNotFound } from '../documents/lookup.js';
import type { DocumentRecord } from '../storage/store.js';

/**
 * Replaces a negotiation's agenda while the server runs, never leaving its copy out of step with the stored
 * one: first every loaded room of the document (text, meta, party rooms) is dropped without compaction and
 * its connections are closed with `replaced` — a final code, so no stock client reconnects and pushes the
 * old text back into the new room; then the document is replaced in one transaction (baseline, first
 * update; every feature's rows go, people and parties stay, see `Store.createDocument`); then its room is
 * loaded once to number it. All in one turn of the event loop: no message is handled in between.
 */
export async function replaceAgenda(
  ctx: Pick<AppContext, 'store' | 'people' | 'rooms' | 'bus'>,
  documentId: string,
  input: { title?: string; agenda: Agenda },
): Promise<DocumentRecord> {
  await documentOrNotFound(ctx.store, documentId);
  const reason = 'De agenda is vervangen; herlaad de pagina';
  ctx.rooms.discardDocument(documentId, CloseCode.replaced, reason);
  ctx.bus.announce({ kind: 'discardDocument', documentId, code: CloseCode.replaced, reason });
  await importAgenda(ctx.store, { id: documentId, title: input.title, agenda: input.agenda, replace: true });
  await ctx.people.ensureDefaultParties(documentId);
  await ctx.rooms.release(await ctx.rooms.open(documentId));
  return (await ctx.store.getDocument(documentId))!;
}
