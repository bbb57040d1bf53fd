import express from 'express';
import { z } from 'zod';
import { ROLES } from '../../shared/auth/roles.js';
import type { AppContext } from '../context.js';
import { accountOf, requireAction } from '../auth/request.js';
import type { Account } from '../auth/account.js';
import { SESSION_COOKIE, cookie } from '../auth/auth.js';
import { sessionCookieOptions } from '../auth/sessionCookie.js';
import { invitePerson } from '../people/invite.js';
import { Conflict, Invalid, NotFound, Unauthenticated } from '../domain/errors.js';
import { writeRoom } from '../sync/serverWrite.js';
import { roomName } from '../../shared/protocol/rooms.js';

const InviteBody = z.object({
  name: z.string().min(1).max(80),
  party: z.string().min(1).max(20),
  role: z.enum(ROLES),
  expiresInDays: z.number().positive().max(3650).nullable().optional(),
});
const PartyBody = z.object({
  short: z.string().regex(/^[A-Za-z0-9-]{1,20}$/),
  name: z.string().min(1).max(80),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
const DraftingBody = z.object({ mode: z.enum(['open', 'closed']) });

/** Parses a JSON body with a schema, or throws `Invalid` with the first problem in a sentence. */
export function body<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Invalid(
      `Ongeldig verzoek: ${issue ? `${issue.path.join('.') || 'body'} — ${issue.message}` : 'onleesbaar'}.`,
    );
  }
  return result.data;
}

/** Signing in, who am I, and (for the chair) people, parties and drafting. */
export function peopleRouter(ctx: AppContext): express.Router {
  const router = express.Router();

  router.post('/session', async (req, res) => {
    const { token } = body(z.object({ token: z.string().min(10).max(4096) }), req.body);
    const previous = cookie(req.headers.cookie, SESSION_COOKIE);
    const signedIn = await ctx.auth.signIn(token, previous);
    if (!signedIn) throw new Unauthenticated('Deze aanmeldlink is ongeldig, ingetrokken of verlopen.');
    res.cookie(SESSION_COOKIE, signedIn.session, sessionCookieOptions(ctx.publicUrl(), req.secure));
    res.json(await me(signedIn.account));
  });

  router.delete('/session', async (req, res) => {
    const current = cookie(req.headers.cookie, SESSION_COOKIE);
    if (current) await ctx.auth.sessions.end(current);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx.publicUrl(), req.secure));
    res.status(204).end();
  });

  /** Who is signed in: a person with their party and the drafting mode, or an administrator. */
  const me = async (account: Account) =>
    account.kind === 'admin'
      ? { kind: 'admin' as const, admin: { id: account.admin.id, name: account.admin.name } }
      : {
          kind: 'person' as const,
          person: account.person,
          party: await ctx.people.party(account.person.documentId, account.person.party),
          drafting: await ctx.people.drafting(account.person.documentId),
        };

  router.get('/me', async (req, res) => {
    res.json(await me(accountOf(req)));
  });

  router.get('/documents/:id/parties', async (req, res) => {
    requireAction(req, req.params.id, 'read');
    res.json(await ctx.people.parties(req.params.id));
  });

  router.post('/documents/:id/parties', async (req, res) => {
    requireAction(req, req.params.id, 'people.manage');
    const party = body(PartyBody, req.body);
    if (await ctx.people.party(req.params.id, party.short))
      throw new Conflict('party', `Partij ${party.short} bestaat al.`);
    await ctx.people.addParty(req.params.id, party);
    res.status(201).json(party);
  });

  router.put('/documents/:id/parties/:short', async (req, res) => {
    requireAction(req, req.params.id, 'people.manage');
    const party = body(PartyBody, { ...req.body, short: req.params.short });
    if (!(await ctx.people.updateParty(req.params.id, party)))
      throw new NotFound('party', `Partij ${party.short} bestaat niet.`);
    res.json(party);
  });

  router.get('/documents/:id/people', async (req, res) => {
    requireAction(req, req.params.id, 'people.manage');
    res.json(await ctx.people.people(req.params.id));
  });

  router.post('/documents/:id/people', async (req, res) => {
    requireAction(req, req.params.id, 'people.manage');
    const input = body(InviteBody, req.body);
    const invited = await invitePerson(ctx.people, ctx.key, ctx.publicUrl(), {
      documentId: req.params.id,
      name: input.name,
      party: input.party,
      role: input.role,
      expiresInDays: input.expiresInDays ?? null,
    });
    res.status(201).json(invited);
  });

  router.post('/documents/:id/people/:pid/revoke', async (req, res) => {
    const chair = requireAction(req, req.params.id, 'people.manage');
    const target = await ctx.people.person(req.params.pid);
    if (!target || target.documentId !== req.params.id)
      throw new NotFound('person', 'Deze persoon bestaat niet.');
    if (target.id === chair.id) throw new Invalid('U kunt uw eigen toegang niet intrekken.');
    await ctx.people.revoke(target.id);
    // Connections first: their access check reads a cached account, so they end the moment this is stored.
    ctx.connections.endPerson(target.id);
    ctx.bus.announce({ kind: 'endPerson', personId: target.id });
    await ctx.auth.sessions.endPerson(target.id);
    res.json(await ctx.people.person(target.id));
  });

  router.put('/documents/:id/drafting', async (req, res) => {
    const chair = requireAction(req, req.params.id, 'people.manage');
    const { mode } = body(DraftingBody, req.body);
    const before = await ctx.people.drafting(req.params.id);
    await ctx.people.setDrafting(req.params.id, mode);
    // The next message of every connection here and on the other instances is judged by the new mode.
    ctx.draftingModes.forget(req.params.id);
    ctx.bus.announce({ kind: 'draftingChanged', documentId: req.params.id });
    // Everyone's editor follows at once: the meta room carries the mode live.
    await writeRoom(ctx.rooms, roomName({ kind: 'meta', documentId: req.params.id }), chair.id, (doc) =>
      doc.getMap('settings').set('drafting', mode),
    );
    if (before !== mode)
      await ctx.events.emit({ kind: 'drafting.changed', documentId: req.params.id, mode, actor: chair });
    res.json({ mode });
  });

  return router;
}
