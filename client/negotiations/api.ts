import type { ImportResult } from '../../shared/agenda/source.js';
import type { Agenda } from '../../shared/agenda/types.js';
import type { Party } from '../../shared/auth/person.js';
import { api, upload } from '../app/session.js';

/** A negotiation as the home page lists it. */
export interface NegotiationSummary {
  id: string;
  title: string;
  createdAt: string;
  counts: { chapters: number; sections: number; measures: number };
}

/** What creating a negotiation gives back: the document, its parties and the chair's sign-in link. */
export interface CreatedNegotiation {
  id: string;
  title: string;
  createdAt: string;
  parties: Party[];
  chair: { id: string; name: string; url: string };
}

/** The negotiations of the signed-in person (for an administrator: all). */
export const listNegotiations = () => api<NegotiationSummary[]>('GET', '/api/documents');

/** Reads an agenda file on the server into an outline to check; nothing is stored. */
export const readAgendaFile = (file: File) => upload<ImportResult>('/api/imports', file);

/** Creates a negotiation from a checked agenda, with its parties and chair. */
export const createNegotiation = (input: {
  id: string;
  title: string;
  agenda: Agenda;
  parties: Party[];
  chair: { name: string };
}) => api<CreatedNegotiation>('POST', '/api/documents', input);

/** Appoints another chair of a negotiation; gives their sign-in link. */
export const appointChair = (documentId: string, name: string) =>
  api<{ id: string; name: string; url: string }>(
    'POST',
    `/api/documents/${encodeURIComponent(documentId)}/chairs`,
    { name },
  );
