import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { parseAgenda } from '../../shared/agenda/parse.js';
import { importAgenda } from '../../server/documents/import.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchChromium } from './chromium.js';

/** The D66–CDA agenda, parsed from the fixture, as every browser test uses it. */
export const d66Agenda = parseAgenda(
  fs.readFileSync(path.resolve('fixtures/d66-cda-uitnodiging-2025.txt'), 'utf8'),
);

/**
 * A real server (port 0, temporary SQLite) with the D66–CDA agenda imported as `documentId` and the built
 * client served, and headless Chromium to open it.
 */
export async function startBrowserSession(
  documentId = 'd66-cda',
): Promise<{ server: TestServer; browser: Browser }> {
  const server = await startTestServer({
    staticDir: path.resolve('dist'),
    seed: (store) => importAgenda(store, { id: documentId, agenda: d66Agenda }),
  });
  return { server, browser: await launchChromium() };
}

/** Closes what startBrowserSession opened (whatever of it was opened). */
export async function stopBrowserSession(session: { server?: TestServer; browser?: Browser }): Promise<void> {
  await session.browser?.close();
  await session.server?.stop();
}
