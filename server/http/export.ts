import express from 'express';
import type { AppContext } from '../context.js';
import { requireAction } from '../auth/request.js';
import { buildExportInput } from '../export/input.js';
import { renderExport } from '../export/render.js';
import { parseExportRequest, type RawExportOptions } from '../export/request.js';
import { Invalid } from '../domain/errors.js';
import { sandboxDownload } from './securityHeaders.js';

const OPTIONS = [
  'format',
  'version',
  'changes',
  'lang',
  'parked',
  'disputed',
  'comments',
  'numbering',
] as const;

/** The query's export options; a repeated parameter (`?format=a&format=b`) counts as not understood. */
function optionsOf(query: express.Request['query']): RawExportOptions {
  const raw: RawExportOptions = {};
  for (const name of OPTIONS) {
    const value = query[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new Invalid(`Geef de optie ${name} één keer op, als tekst.`);
    raw[name] = value;
  }
  return raw;
}

/**
 * `GET /api/documents/:id/export?format=docx|md|html|json|csv|amendments-docx&version=<id|live>&changes=marked|clean`
 * (+ `comments=1`, `parked=0|1`, `disputed=0|1`, `lang=nl|en`, `numbering=final` for a clean text numbered
 * consecutively, listing old → new): the export as a download. Everyone in
 * the document but observers may export.
 */
export function exportRouter(ctx: AppContext): express.Router {
  const router = express.Router();

  router.get('/documents/:id/export', async (req, res) => {
    const id = req.params.id;
    requireAction(req, id, 'export');
    const request = parseExportRequest(optionsOf(req.query));
    const input = await buildExportInput(ctx, id, request, new Date());
    const file = await renderExport(id, request.format, input);
    sandboxDownload(res);
    res
      .status(200)
      .set('Content-Type', file.contentType)
      // exportFileName gives only [a-z0-9_-.]: nothing to quote or encode.
      .set('Content-Disposition', `attachment; filename="${file.fileName}"`)
      .set('Cache-Control', 'no-store')
      .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });

  return router;
}
