import express from 'express';
import { z } from 'zod';
import { negotiationAgendaSchema, describeIssue } from '../../shared/agenda/schema.js';
import type { Agenda } from '../../shared/agenda/types.js';
import { SECRETARIAT } from '../../shared/auth/person.js';
import { DOCUMENT_ID } from '../../shared/protocol/rooms.js';
import type { AppContext } from '../context.js';
import { requireInstanceAction } from '../auth/request.js';
import { Invalid } from '../domain/errors.js';
import { documentOrNotFound } from '../documents/lookup.js';
import { invitePerson } from '../people/invite.js';
import { createNegotiation } from '../negotiations/create.js';
import { replaceAgenda } from '../negotiations/replace.js';

const PartySchema = z.object({
  short: z.string().regex(/^[A-Za-z0-9-]{1,20}$/),
  name: z.string().trim().min(1).max(80),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
const ChairSchema = z.object({ name: z.string().trim().min(1).max(80) });

/** The body of `POST /api/documents`, apart from the agenda (checked on its own, for its own sentences). */
const NegotiationBody = z.object({
  id: z.string().regex(DOCUMENT_ID),
  title: z.string().trim().min(1).max(300),
  agenda: z.unknown(),
  parties: z
    .array(PartySchema)
    .min(1)
    .max(30)
    .refine((list) => new Set(list.map((p) => p.short)).size === list.length)
    .optional(),
  chair: ChairSchema.optional(),
});

/** The sentence for the first problem of the request body, naming the field in Dutch. */
const FIELD_SENTENCES: Record<string, string> = {
  id: 'Geef een id van kleine letters, cijfers en streepjes (hoogstens 64 tekens), bijvoorbeeld "utrecht-2026".',
  title: 'Geef een titel van hoogstens 300 tekens.',
  parties:
    'Geef de partijen met een korte naam (letters, cijfers, streepjes), een naam en een kleur (#rrggbb), elke korte naam één keer.',
  chair: 'Geef de naam van de voorzitter, hoogstens 80 tekens.',
};

/** The body of `PUT /api/documents/:id`: a new agenda, and a title when it is not the agenda's own. */
const ReplaceBody = z.object({ title: z.string().trim().min(1).max(300).optional(), agenda: z.unknown() });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const field = String(result.error.issues[0]?.path[0] ?? '');
  throw new Invalid(
    FIELD_SENTENCES[field] ?? 'Het verzoek is onleesbaar: verwacht JSON met id, titel en agenda.',
  );
}

/** The agenda of a request, checked by the schema the importer's output satisfies, or `Invalid` with a sentence. */
function checkedAgenda(value: unknown): Agenda {
  const agenda = negotiationAgendaSchema.safeParse(value);
  if (!agenda.success)
    throw new Invalid(
      `De agenda is ongeldig: ${describeIssue(agenda.error.issues[0]!, value, 'agenda')}; er is niets opgeslagen.`,
    );
  return agenda.data;
}

/**
 * The administrator's work on negotiations: creating one from a checked agenda (the importer's output,
 * perhaps corrected), replacing a negotiation's agenda while people work in it, and appointing a chair.
 */
export function negotiationsRouter(ctx: AppContext): express.Router {
  const router = express.Router();

  router.post('/documents', async (req, res) => {
    requireInstanceAction(req, 'negotiation.create');
    const input = parse(NegotiationBody, req.body);
    const made = await createNegotiation(ctx, {
      id: input.id,
      title: input.title,
      agenda: checkedAgenda(input.agenda),
      parties: input.parties,
      chair: input.chair ?? { name: 'Voorzitter' },
    });
    res.status(201).json({
      ...made.document,
      parties: made.parties,
      chair: { id: made.chair.person.id, name: made.chair.person.name, url: made.chair.url },
    });
  });

  /** Replaces a negotiation's agenda live: open editors are told to reload (see `replaceAgenda`). */
  router.put('/documents/:id', async (req, res) => {
    requireInstanceAction(req, 'negotiation.create');
    const input = parse(ReplaceBody, req.body);
    const agenda = checkedAgenda(input.agenda);
    res.json(await replaceAgenda(ctx, req.params.id, { title: input.title, agenda }));
  });

  router.post('/documents/:id/chairs', async (req, res) => {
    requireInstanceAction(req, 'chair.appoint');
    const doc = await documentOrNotFound(ctx.store, req.params.id);
    const { name } = parse(z.object({ chair: ChairSchema }), { chair: req.body }).chair;
    await ctx.people.ensureDefaultParties(doc.id);
    const chair = await invitePerson(ctx.people, ctx.key, ctx.publicUrl(), {
      documentId: doc.id,
      name,
      party: SECRETARIAT,
      role: 'chair',
    });
    res.status(201).json({ id: chair.person.id, name: chair.person.name, url: chair.url });
  });

  return router;
}
