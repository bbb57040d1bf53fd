import express from 'express';
import type { AppContext } from '../context.js';
import { accountOf, requireAction } from '../auth/request.js';
import { can } from '../../shared/auth/roles.js';
import { standingOf } from '../auth/account.js';
import { liveAgenda } from '../documents/live.js';
import { countAgenda, listMeasures } from './measures.js';
import { Invalid } from '../domain/errors.js';
import { documentOrNotFound } from '../documents/lookup.js';
import { lastChanges } from '../authorship/lastChanges.js';

/** The JSON API of documents and their measures, for the people of each document. */
export function apiRouter(ctx: AppContext): express.Router {
  const { store, rooms, audit } = ctx;
  const router = express.Router();

  /** The negotiations a person belongs to (one, today); for an administrator, every one. */
  router.get('/documents', (req, res) => {
    const account = accountOf(req);
    const docs =
      account.kind === 'person'
        ? [store.getDocument(account.person.documentId)].filter((d) => d !== null)
        : can(standingOf(account), 'negotiation.list')
          ? store.listDocuments()
          : [];
    res.json(docs.map((doc) => ({ ...doc, counts: countAgenda(liveAgenda(store, rooms, doc.id)) })));
  });

  router.get('/documents/:id', (req, res) => {
    requireAction(req, req.params.id, 'read');
    const doc = documentOrNotFound(store, req.params.id);
    res.json({ ...doc, counts: countAgenda(liveAgenda(store, rooms, doc.id)) });
  });

  router.get('/documents/:id/measures', (req, res) => {
    requireAction(req, req.params.id, 'read');
    const doc = documentOrNotFound(store, req.params.id);
    const baseline = store.getBaseline(doc.id);
    if (!baseline) throw new Error(`Het origineel van "${doc.id}" ontbreekt.`);
    res.json(listMeasures(baseline, liveAgenda(store, rooms, doc.id)));
  });

  router.get('/documents/:id/baseline', (req, res) => {
    requireAction(req, req.params.id, 'read');
    res.json(store.getBaseline(documentOrNotFound(store, req.params.id).id));
  });

  router.get('/documents/:id/audit', (req, res) => {
    requireAction(req, req.params.id, 'read');
    documentOrNotFound(store, req.params.id);
    const measure = typeof req.query.measure === 'string' ? req.query.measure : null;
    if (!measure) throw new Invalid('Geef een maatregel op: ?measure=<id>.');
    res.json(
      audit.forMeasure(req.params.id, measure).map((e) => ({
        at: e.at,
        person: e.personName,
        party: e.party,
        onBehalfOf: e.onBehalfOf,
        kind: e.kind,
      })),
    );
  });

  /**
   * Who last changed each measure and when, for the margin of the text: the audit's entry with its `author`
   * as the attribution index credits it (an accepted amendment: the proposing party, decided by the chair).
   */
  router.get('/documents/:id/last-changes', (req, res) => {
    requireAction(req, req.params.id, 'read');
    documentOrNotFound(store, req.params.id);
    res.json(lastChanges(audit, ctx.attribution, req.params.id));
  });

  return router;
}
