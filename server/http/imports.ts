import express from 'express';
import multer from 'multer';
import type { AppContext } from '../context.js';
import { requireInstanceAction } from '../auth/request.js';
import {
  importFile,
  ImportError,
  MAX_IMPORT_BYTES,
  tooLargeMessage,
  type ImportErrorKind,
} from '../import/index.js';
import { Invalid, TooLarge, Unprocessable, Unsupported, type DomainError } from '../domain/errors.js';

/** The domain error of each kind of bad file (413, 415 or 422 over HTTP). */
function errorOfImport(kind: ImportErrorKind, sentence: string): DomainError {
  switch (kind) {
    case 'too-large':
      return new TooLarge(sentence);
    case 'unsupported':
      return new Unsupported(sentence);
    case 'unreadable':
    case 'encrypted':
    case 'no-text':
    case 'no-structure':
      return new Unprocessable(sentence);
  }
}

/**
 * `POST /api/imports`: a file (multipart field `file`, at most 20 MB) → `{ agenda, warnings, source }`.
 * Stateless: nothing is stored; creating the negotiation is a separate step (`POST /api/documents`). For the
 * instance's administrators only, who alone create negotiations: a chair or negotiator gets 403 before the
 * file is read.
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
      requireInstanceAction(req, 'agenda.read');
      next();
    },
    (req, res, next) => {
      upload.single('file')(req, res, (err: unknown) => {
        if (err instanceof multer.MulterError) {
          if (err.code === 'LIMIT_FILE_SIZE')
            return next(new TooLarge(tooLargeMessage(MAX_IMPORT_BYTES + 1)));
          return next(new Invalid('Stuur één bestand mee in het veld "file" (multipart/form-data).'));
        }
        next(err);
      });
    },
    async (req, res) => {
      const file = req.file;
      if (!file)
        throw new Invalid('Stuur het bestand met de agenda mee in het veld "file" (multipart/form-data).');
      try {
        res.json(await importFile(file.originalname, file.buffer));
      } catch (err) {
        if (err instanceof ImportError) throw errorOfImport(err.kind, err.message);
        throw err;
      }
    },
  );
  return router;
}
