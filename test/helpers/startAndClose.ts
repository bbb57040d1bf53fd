/**
 * Run as its own process by test/server/lifecycle.test.ts: starts the app on a fresh database with one
 * document, closes it, prints what keeps the process alive before, while and after it ran
 * (`process.getActiveResourcesInfo()`, as JSON) and then simply ends — without `process.exit`, so it only exits if nothing of the app is left.
 */
import fs from 'node:fs';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from './agenda.js';
import { startTestServer } from './server.js';

// Before: only this process's own stdio pipes.
const before = process.getActiveResourcesInfo();
const server = await startTestServer({
  seed: (store) => importAgenda(store, { id: 'test', agenda: agenda({ A: { B: ['Een maatregel.'] } }) }),
});
const running = process.getActiveResourcesInfo();
await server.stop();
fs.rmSync(server.dir, { recursive: true, force: true });
// A closed server's handle leaves the list in the close phase of a later turn of the event loop.
for (let turn = 0; turn < 10 && process.getActiveResourcesInfo().length > before.length; turn++)
  await new Promise((resolve) => setImmediate(resolve));
process.stdout.write(JSON.stringify({ before, running, closed: process.getActiveResourcesInfo() }));
