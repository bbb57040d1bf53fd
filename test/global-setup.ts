import { execSync } from 'node:child_process';
import { ensureChromium } from './browser/chromium.js';

/**
 * Before any test: the client is built (browser tests load it from dist/, as `npm start` serves it) and
 * Chromium is there. Both are quick when already done.
 */
export default function setup(): void {
  // Vitest sets NODE_ENV=test; the client must be built as `npm start` builds it, for production.
  execSync('npx vite build --logLevel error', {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  ensureChromium();
}
