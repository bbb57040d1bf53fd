import express from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { memberOf, requireAction } from '../auth/request.js';
import { AmendmentsService } from '../amendments/service.js';
import {
  AMENDMENT_KINDS,
  AMENDMENT_STATUSES,
  MEASURE_STATUSES,
  POSITIONS,
} from '../../shared/amendments/types.js';
import { body } from './people.js';
import { documentOrNotFound } from '../documents/lookup.js';
import { Invalid } from '../domain/errors.js';

/** A measure's text in the agenda runs to about 1,500 characters; 20,000 leaves room without inviting abuse. */
const MAX_TEXT = 20_000;

const CreateBody = z.union([
  z.object({
    measure: z.string().min(1).max(100),
    kind: z.enum(AMENDMENT_KINDS),
    text: z.string().max(MAX_TEXT).optional(),
    rationale: z.string().max(MAX_TEXT).default(''),
  }),
  z.object({
    parent: z.string().min(1).max(100),
    text: z.string().max(MAX_TEXT).optional(),
    rationale: z.string().max(MAX_TEXT).default(''),
  }),
]);
/** A decision's note: a few sentences, as on a card. */
const MAX_NOTE = 2_000;
const AcceptBody = z
  .object({
    note: z.string().max(MAX_NOTE).nullable().optional(),
    text: z.string().min(1).max(MAX_TEXT).optional(),
    confirm: z.boolean().optional(),
  })
  .default({});
const RejectBody = z.object({ note: z.string().max(MAX_NOTE).nullable().optional() }).default({});
const ChangeBody = z.object({
  base: z.string().max(MAX_TEXT),
  note: z.string().max(MAX_NOTE).nullable().optional(),
  confirm: z.boolean().optional(),
});
const SettingBody = z.object({ value: z.boolean() });
const UpdateBody = z.object({
  text: z.string().max(MAX_TEXT).optional(),
  rationale: z.string().max(MAX_TEXT).optional(),
});
const PositionBody = z.object({
  position: z.enum(POSITIONS),
  note: z.string().max(2_000).nullable().optional(),
});
const StatusBody = z.object({ status: z.enum(MEASURE_STATUSES) });
const GroupBody = z.object({ group: z.string().min(1).max(60).nullable() });
const ListQuery = z.object({
  measure: z.string().max(100).optional(),
  party: z.string().max(20).optional(),
  status: z.enum(AMENDMENT_STATUSES).optional(),
});

/**
 * Amendments, positions and measure statuses (issue 4):
 * - `GET /documents/:id/amendments?measure&party&status` (with `measure`: views with diffs, conflicts and
 *   collisions), `GET …/amendments/:aid` (a view);
 * - `POST …/amendments` `{measure, kind, text?, rationale}` → a draft of the caller's party (201); with
 *   `{parent, text?, rationale}` instead, an amendment to a pending amendment ("A-7.1"), decided before it;
 * - `POST …/amendments/:aid/submit | withdraw`; `PUT …/amendments/:aid` `{text?, rationale?}`;
 * - decisions (the chair): `POST …/amendments/:aid/accept` `{note?, text?, confirm?}` (with `text`: accepted
 *   with changes, that text instead), `POST …/reject` `{note?}`, `POST …/changes/:n/accept | reject`
 *   `{base, note?, confirm?}` (one change, the n-th on `base`, the measure text the chair saw: another live
 *   text is 409), `POST …/reopen`; `GET …/amendments/:aid/decisions` (the history with notes).
 *   The brake: accepting (all or a change) while any other party opposes or holds a reservation needs
 *   `confirm: true`; without it the answer is 409 with the sentence and `objections` (party, position,
 *   note) so the client can ask first. Rejecting needs no confirmation;
 * - `PUT …/settings/secretariat-party` `{value}`: whether the secretariat is a party (and records positions);
 *   `PUT …/amendments/:aid/group` `{group}`;
 * - `PUT …/amendments/:aid/positions/:party`, `PUT …/measures/:mid/position/:party` `{position, note?}`,
 *   `PUT …/measures/:mid/status` `{status}`;
 * - `GET …/negotiation` (statuses and positions on measures), `GET …/dashboard?chapter`.
 *
 * Reading asks the role table here; for every change the router only checks that the person belongs to
 * the document, and the service asks the one rule that decides it (the lifecycle, the position rule or the
 * role table), so no permission is checked twice.
 */
export function amendmentsRouter(ctx: AppContext): express.Router {
  const service = new AmendmentsService(ctx);
  const router = express.Router();
  /** The id of a stored document (asked after the person's access, so strangers learn nothing). */
  const documentId = async (id: string) => (await documentOrNotFound(ctx.store, id)).id;

  router.get('/documents/:id/amendments', async (req, res) => {
    const person = requireAction(req, req.params.id, 'read');
    const query = body(ListQuery, req.query);
    res.json(await service.list(person, await documentId(req.params.id), query));
  });

  router.get('/documents/:id/amendments/:aid', async (req, res) => {
    const person = requireAction(req, req.params.id, 'read');
    res.json(await service.get(person, await documentId(req.params.id), req.params.aid));
  });

  router.post('/documents/:id/amendments', async (req, res) => {
    const person = memberOf(req, req.params.id);
    const input = body(CreateBody, req.body);
    res.status(201).json(await service.create(person, await documentId(req.params.id), input));
  });

  router.put('/documents/:id/amendments/:aid', async (req, res) => {
    const person = memberOf(req, req.params.id);
    res.json(
      await service.update(
        person,
        await documentId(req.params.id),
        req.params.aid,
        body(UpdateBody, req.body),
      ),
    );
  });

  for (const move of ['submit', 'withdraw'] as const)
    router.post(`/documents/:id/amendments/:aid/${move}`, async (req, res) => {
      const person = memberOf(req, req.params.id);
      res.json(await service[move](person, await documentId(req.params.id), req.params.aid));
    });

  router.post('/documents/:id/amendments/:aid/accept', async (req, res) => {
    const person = memberOf(req, req.params.id);
    const input = body(AcceptBody, req.body);
    res.json(await service.decisions.accept(person, await documentId(req.params.id), req.params.aid, input));
  });

  router.post('/documents/:id/amendments/:aid/reject', async (req, res) => {
    const person = memberOf(req, req.params.id);
    const input = body(RejectBody, req.body);
    res.json(await service.decisions.reject(person, await documentId(req.params.id), req.params.aid, input));
  });

  for (const verdict of ['accepted', 'rejected'] as const)
    router.post(
      `/documents/:id/amendments/:aid/changes/:n/${verdict === 'accepted' ? 'accept' : 'reject'}`,
      async (req, res) => {
        const person = memberOf(req, req.params.id);
        const index = Number(req.params.n);
        if (!Number.isInteger(index) || index < 0)
          throw new Invalid(`"${req.params.n}" is geen nummer van een wijziging.`);
        const input = body(ChangeBody, req.body);
        res.json(
          await service.decisions.decideChange(person, await documentId(req.params.id), req.params.aid, {
            base: input.base,
            index,
            verdict,
            note: input.note ?? null,
            confirm: input.confirm === true,
          }),
        );
      },
    );

  router.post('/documents/:id/amendments/:aid/reopen', async (req, res) => {
    const person = memberOf(req, req.params.id);
    res.json(await service.decisions.reopen(person, await documentId(req.params.id), req.params.aid));
  });

  router.get('/documents/:id/amendments/:aid/decisions', async (req, res) => {
    const person = requireAction(req, req.params.id, 'read');
    res.json(await service.history(person, await documentId(req.params.id), req.params.aid));
  });

  router.put('/documents/:id/settings/secretariat-party', async (req, res) => {
    const person = memberOf(req, req.params.id);
    const { value } = body(SettingBody, req.body);
    res.json({ value: await service.setSecretariatIsParty(person, await documentId(req.params.id), value) });
  });

  router.put('/documents/:id/amendments/:aid/group', async (req, res) => {
    const person = memberOf(req, req.params.id);
    const { group } = body(GroupBody, req.body);
    res.json(await service.group(person, await documentId(req.params.id), req.params.aid, group));
  });

  router.put('/documents/:id/amendments/:aid/positions/:party', async (req, res) => {
    const person = memberOf(req, req.params.id);
    const { position, note } = body(PositionBody, req.body);
    res.json(
      await service.setAmendmentPosition(
        person,
        await documentId(req.params.id),
        req.params.aid,
        req.params.party,
        position,
        note ?? null,
      ),
    );
  });

  router.put('/documents/:id/measures/:mid/position/:party', async (req, res) => {
    const person = memberOf(req, req.params.id);
    const { position, note } = body(PositionBody, req.body);
    res.json(
      await service.setMeasurePosition(
        person,
        await documentId(req.params.id),
        req.params.mid,
        req.params.party,
        position,
        note ?? null,
      ),
    );
  });

  router.put('/documents/:id/measures/:mid/status', async (req, res) => {
    const person = memberOf(req, req.params.id);
    const { status } = body(StatusBody, req.body);
    res.json(await service.setStatus(person, await documentId(req.params.id), req.params.mid, status));
  });

  router.get('/documents/:id/negotiation', async (req, res) => {
    requireAction(req, req.params.id, 'read');
    res.json(await service.negotiation(await documentId(req.params.id)));
  });

  router.get('/documents/:id/dashboard', async (req, res) => {
    requireAction(req, req.params.id, 'read');
    const chapter = typeof req.query.chapter === 'string' ? req.query.chapter : undefined;
    res.json(await service.dashboard(await documentId(req.params.id), chapter));
  });

  return router;
}
