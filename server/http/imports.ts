import express from 'express';
import multer from 'multer';
import type { AppContext } from '../context.js';
import { personOf } from '../auth/request.js';
import {
  importFile,
  ImportError,
  MAX_IMPORT_BYTES,
  tooLargeMessage,
  type ImportErrorKind,
} from '../import/index.js';
import { HttpError } from './errors.js';

/** The HTTP status of each kind of bad file. */
const STATUS: Record<ImportErrorKind, number> = {
  'too-large': 413,
  unsupported: 415,
  unreadable: 422,
  encrypted: 422,
  'no-text': 422,
  'no-structure': 422,
};

/**
 * `POST /api/imports`: a file (multipart field `file`, at most 20 MB) → `{ agenda, warnings, source }`.
 * Stateless: nothing is stored; creating the negotiation is a separate step. For now any signed-in chair may
 * use it (an instance administrator role comes later).
 */
export function importsRouter(_ctx: AppContext): express.Router {
  const router = express.Router();
  // In memory: the file is parsed and dropped; the limit keeps one upload far below the server's memory.
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1 },
  });

  router.post(
    '/imports',
    (req, _res, next) => {
      const person = personOf(req);
      if (person.role !== 'chair')
        throw new HttpError(403, `Uw rol (${person.role}) mag geen agenda inlezen.`);
      next();
    },
    (req, res, next) => {
      upload.single('file')(req, res, (err: unknown) => {
        if (err instanceof multer.MulterError) {
          if (err.code === 'LIMIT_FILE_SIZE')
            return next(new HttpError(413, tooLargeMessage(MAX_IMPORT_BYTES + 1)));
          return next(new HttpError(400, 'Stuur één bestand mee in het veld "file" (multipart/form-data).'));
        }
        next(err);
      });
    },
    async (req, res) => {
      const file = req.file;
      if (!file)
        throw new HttpError(
          400,
          'Stuur het bestand met de agenda mee in het veld "file" (multipart/form-data).',
        );
      try {
        res.json(await importFile(file.originalname, file.buffer));
      } catch (err) {
        if (err instanceof ImportError) throw new HttpError(STATUS[err.kind], err.message);
        throw err;
      }
    },
  );
  return router;
}
