import type { ServerFeature } from '../feature.js';
import { importsRouter } from '../http/imports.js';

/** Imports: an agenda file (PDF, Word, text) read into agenda JSON for a new negotiation; nothing stored. */
export const importsFeature: ServerFeature = {
  name: 'imports',
  routers: [importsRouter],
};
