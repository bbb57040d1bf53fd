import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { buildServer } from '../scripts/build-server.mjs';
import { ensureChromium } from './browser/chromium.js';
import { ensurePostgres } from './helpers/postgres.js';

/**
 * Before any test: the client is built (browser tests load it from dist/, as `npm start` serves it), the
 * server is built (tests that start a server process run dist-server/main.js, as `npm start` does; other
 * tests import the TypeScript sources), Chromium is there and PostgreSQL answers (the repository suites run on
 * both stores). All quick when already done.
 */
export default async function setup(): Promise<void> {
  // While working on the server alone, AKKOORD_SKIP_CLIENT_BUILD=1 reuses an existing dist/ (CI never sets it).
  const reuse = process.env.AKKOORD_SKIP_CLIENT_BUILD === '1' && fs.existsSync('dist/index.html');
  // Vitest sets NODE_ENV=test; the client must be built as `npm start` builds it, for production.
  if (!reuse)
    execSync('npx vite build --logLevel error', {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  await buildServer();
  ensureChromium();
  await ensurePostgres();
}
