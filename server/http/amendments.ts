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

/** A measure's text in the agenda runs to about 1,500 characters; 20,000 leaves room without inviting abuse. */
const MAX_TEXT = 20_000;

const CreateBody = z.object({
  measure: z.string().min(1).max(100),
  kind: z.enum(AMENDMENT_KINDS),
  text: z.string().max(MAX_TEXT).optional(),
  rationale: z.string().max(MAX_TEXT).default(''),
});
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
 * - `POST …/amendments` `{measure, kind, text?, rationale}` → a draft of the caller's party (201);
 * - `POST …/amendments/:aid/submit | withdraw | accept | reject`; `PUT …/amendments/:aid` `{text?, rationale?}`;
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
  const documentId = (id: string) => documentOrNotFound(ctx.store, id).id;

  router.get('/documents/:id/amendments', (req, res) => {
    const person = requireAction(req, req.params.id, 'read');
    const query = body(ListQuery, req.query);
    res.json(service.list(person, documentId(req.params.id), query));
  });

  router.get('/documents/:id/amendments/:aid', (req, res) => {
    const person = requireAction(req, req.params.id, 'read');
    res.json(service.get(person, documentId(req.params.id), req.params.aid));
  });

  router.post('/documents/:id/amendments', (req, res) => {
    const person = memberOf(req, req.params.id);
    const input = body(CreateBody, req.body);
    res.status(201).json(service.create(person, documentId(req.params.id), input));
  });

  router.put('/documents/:id/amendments/:aid', (req, res) => {
    const person = memberOf(req, req.params.id);
    res.json(service.update(person, documentId(req.params.id), req.params.aid, body(UpdateBody, req.body)));
  });

  for (const move of ['submit', 'withdraw'] as const)
    router.post(`/documents/:id/amendments/:aid/${move}`, (req, res) => {
      const person = memberOf(req, req.params.id);
      res.json(service[move](person, documentId(req.params.id), req.params.aid));
    });

  router.post('/documents/:id/amendments/:aid/accept', (req, res) => {
    const person = memberOf(req, req.params.id);
    res.json(service.accept(person, documentId(req.params.id), req.params.aid));
  });

  router.post('/documents/:id/amendments/:aid/reject', (req, res) => {
    const person = memberOf(req, req.params.id);
    res.json(service.reject(person, documentId(req.params.id), req.params.aid));
  });

  router.put('/documents/:id/amendments/:aid/group', (req, res) => {
    const person = memberOf(req, req.params.id);
    const { group } = body(GroupBody, req.body);
    res.json(service.group(person, documentId(req.params.id), req.params.aid, group));
  });

  router.put('/documents/:id/amendments/:aid/positions/:party', (req, res) => {
    const person = memberOf(req, req.params.id);
    const { position, note } = body(PositionBody, req.body);
    res.json(
      service.setAmendmentPosition(
        person,
        documentId(req.params.id),
        req.params.aid,
        req.params.party,
        position,
        note ?? null,
      ),
    );
  });

  router.put('/documents/:id/measures/:mid/position/:party', (req, res) => {
    const person = memberOf(req, req.params.id);
    const { position, note } = body(PositionBody, req.body);
    res.json(
      service.setMeasurePosition(
        person,
        documentId(req.params.id),
        req.params.mid,
        req.params.party,
        position,
        note ?? null,
      ),
    );
  });

  router.put('/documents/:id/measures/:mid/status', (req, res) => {
    const person = memberOf(req, req.params.id);
    const { status } = body(StatusBody, req.body);
    res.json(service.setStatus(person, documentId(req.params.id), req.params.mid, status));
  });

  router.get('/documents/:id/negotiation', (req, res) => {
    requireAction(req, req.params.id, 'read');
    res.json(service.negotiation(documentId(req.params.id)));
  });

  router.get('/documents/:id/dashboard', (req, res) => {
    requireAction(req, req.params.id, 'read');
    const chapter = typeof req.query.chapter === 'string' ? req.query.chapter : undefined;
    res.json(service.dashboard(documentId(req.params.id), chapter));
  });

  return router;
}
