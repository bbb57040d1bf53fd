import type { Agenda } from '../../shared/agenda/types.js';
import { SECRETARIAT, type Party } from '../../shared/auth/person.js';
import type { AppContext } from '../context.js';
import { Conflict } from '../domain/errors.js';
import { importAgenda } from '../documents/import.js';
import type { DocumentRecord } from '../storage/store.js';
import { DEFAULT_PARTIES, type PersonRecord } from '../people/repository.js';
import { invitePerson } from '../people/invite.js';

/** What a new negotiation is made from: checked already (the request's schema) except for its id being new. */
export interface NewNegotiation {
  id: string;
  title: string;
  agenda: Agenda;
  /** The parties at the table; the secretariat is added when missing. Omitted: the default parties. */
  parties?: Party[];
  /** The chair to appoint (in the secretariat). */
  chair: { name: string };
}

/** A made negotiation: its record, its parties and the appointed chair with their sign-in link. */
export interface CreatedNegotiation {
  document: DocumentRecord;
  parties: Party[];
  chair: { person: PersonRecord; url: string };
}

/** The sentence for an id that is taken. */
export function idTaken(id: string): Conflict {
  return new Conflict(
    'document',
    `Er bestaat al een onderhandeling met id "${id}"; kies een andere id (er is niets gewijzigd).`,
  );
}

/**
 * Creates a negotiation: the document with its baseline and first update (`importAgenda`, one
 * transaction), its parties, and its chair's invitation. The room is loaded once so its numbers are given
 * before anyone reads it. `Conflict` when the id is taken, before anything is stored.
 */
export async function createNegotiation(
  ctx: Pick<AppContext, 'store' | 'people' | 'rooms' | 'key' | 'publicUrl'>,
  input: NewNegotiation,
): Promise<CreatedNegotiation> {
  if (await ctx.store.getDocument(input.id)) throw idTaken(input.id);
  try {
    await importAgenda(ctx.store, { id: input.id, title: input.title, agenda: input.agenda });
  } catch (err) {
    // Another process (the command line) made it between the check and the transaction.
    if (await ctx.store.getDocument(input.id)) throw idTaken(input.id);
    throw err;
  }
  const parties = input.parties ?? DEFAULT_PARTIES;
  const withSecretariat = parties.some((p) => p.short === SECRETARIAT)
    ? parties
    : [DEFAULT_PARTIES.find((p) => p.short === SECRETARIAT)!, ...parties];
  for (const party of withSecretariat)
    if (!(await ctx.people.party(input.id, party.short))) await ctx.people.addParty(input.id, party);
  await ctx.rooms.release(await ctx.rooms.open(input.id));
  const chair = await invitePerson(ctx.people, ctx.key, ctx.publicUrl(), {
    documentId: input.id,
    name: input.chair.name,
    party: SECRETARIAT,
    role: 'chair',
  });
  return {
    document: (await ctx.store.getDocument(input.id))!,
    parties: await ctx.people.parties(input.id),
    chair: { person: chair.person, url: chair.url },
  };
}
