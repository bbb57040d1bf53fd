import { execSync } from 'node:child_process';
import { ensureChromium } from './browser/chromium.js';

/**
 * Before any test: the client is built (browser tests load it from dist/, as `npm start` serves it) and
 * Chromium is there. Both are quick when already done.
 */
export default function setup(): void {
  execSync('npx vite build --logLevel error', { stdio: 'inherit' });
  ensureChromium();
}
