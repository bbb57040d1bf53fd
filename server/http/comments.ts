import express from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { requireAction } from '../auth/request.js';
import { CommentService } from '../comments/service.js';
import { MAX_MESSAGE_LENGTH, MAX_QUOTE_LENGTH } from '../../shared/comments/types.js';
import { body } from './people.js';

const Text = z.string().trim().min(1).max(MAX_MESSAGE_LENGTH);
/** Relative positions are a few dozen bytes; anything much longer is not one. */
const Position = z.string().min(1).max(512);
const Place = {
  measure: z.string().min(1).max(100).optional(),
  quote: z.string().min(1).max(MAX_QUOTE_LENGTH),
  at: z.object({ start: Position, end: Position }).optional(),
};
const CreateBody = z.object({ ...Place, audience: z.enum(['everyone', 'party']), text: Text });
const PlaceBody = z.object(Place);
const MessageBody = z.object({ text: Text });
const ListQuery = z.object({
  measure: z.string().min(1).max(100).optional(),
  status: z.enum(['open', 'resolved']).optional(),
});

/**
 * Comment threads: `GET/POST /documents/:id/comments`, and per thread `GET`, `POST …/messages` (reply),
 * `PUT/DELETE …/messages/:mid` (one's own), `POST …/resolve`, `POST …/reopen`, `PUT …/anchor` (re-attach).
 * Everyone reads what they may see; chair, negotiators and reviewers write; observers only read.
 */
export function commentsRouter(ctx: AppContext): express.Router {
  const service = new CommentService(ctx);
  const router = express.Router();
  const base = '/documents/:id/comments';

  router.get(base, async (req, res) => {
    const person = requireAction(req, req.params.id, 'read');
    res.json(await service.list(person, body(ListQuery, req.query)));
  });

  router.post(base, async (req, res) => {
    const person = requireAction(req, req.params.id, 'comment.write');
    res.status(201).json(await service.create(person, body(CreateBody, req.body)));
  });

  router.get(`${base}/:tid`, async (req, res) => {
    const person = requireAction(req, req.params.id, 'read');
    res.json(await service.view(person, req.params.tid));
  });

  router.post(`${base}/:tid/messages`, async (req, res) => {
    const person = requireAction(req, req.params.id, 'comment.write');
    res.status(201).json(await service.reply(person, req.params.tid, body(MessageBody, req.body).text));
  });

  router.put(`${base}/:tid/messages/:mid`, async (req, res) => {
    const person = requireAction(req, req.params.id, 'comment.write');
    res.json(await service.edit(person, req.params.tid, req.params.mid, body(MessageBody, req.body).text));
  });

  router.delete(`${base}/:tid/messages/:mid`, async (req, res) => {
    const person = requireAction(req, req.params.id, 'comment.write');
    const thread = await service.deleteMessage(person, req.params.tid, req.params.mid);
    if (thread) res.json(thread);
    else res.status(204).end();
  });

  router.post(`${base}/:tid/resolve`, async (req, res) => {
    const person = requireAction(req, req.params.id, 'comment.write');
    res.json(await service.setResolved(person, req.params.tid, true));
  });

  router.post(`${base}/:tid/reopen`, async (req, res) => {
    const person = requireAction(req, req.params.id, 'comment.write');
    res.json(await service.setResolved(person, req.params.tid, false));
  });

  router.put(`${base}/:tid/anchor`, async (req, res) => {
    const person = requireAction(req, req.params.id, 'comment.write');
    res.json(await service.reattach(person, req.params.tid, body(PlaceBody, req.body)));
  });

  return router;
}
