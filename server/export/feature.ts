import type { ServerFeature } from '../feature.js';
import { exportRouter } from '../http/export.js';

/** Exports of a document (Word, Markdown, HTML, JSON, CSV); it reads the other features' data, keeps none. */
export const exportFeature: ServerFeature = {
  name: 'export',
  routers: [exportRouter],
};
