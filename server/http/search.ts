import express from 'express';
import type { AppContext } from '../context.js';
import { requireAction } from '../auth/request.js';
import { documentOrNotFound } from '../documents/lookup.js';
import { SearchService } from '../search/service.js';
import { MAX_QUERY_LENGTH } from '../../shared/search/types.js';
import { Invalid } from '../domain/errors.js';

/** The query of a request, or `Invalid` with a sentence saying what is wrong with it. */
function queryOf(value: unknown): string {
  const q = typeof value === 'string' ? value.trim() : '';
  if (q === '') throw new Invalid('Geef op waarnaar u zoekt: ?q=<woorden>.');
  if (q.length > MAX_QUERY_LENGTH)
    throw new Invalid(`Een zoekopdracht is hoogstens ${MAX_QUERY_LENGTH} tekens lang.`);
  return q;
}

/**
 * `GET /documents/:id/search?q=` — measures and titles, amendments and comment threads the person may see
 * (their own party's drafts and party threads, never another party's), with measure numbers and snippets.
 */
export function searchRouter(ctx: AppContext): express.Router {
  const service = new SearchService(ctx);
  const router = express.Router();
  router.get('/documents/:id/search', (req, res) => {
    const person = requireAction(req, req.params.id, 'read');
    documentOrNotFound(ctx.store, req.params.id);
    res.json(service.search(person, queryOf(req.query.q)));
  });
  return router;
}
