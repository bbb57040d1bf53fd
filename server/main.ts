import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StorageError } from './storage/sqlite.js';
import { databaseUrl, openStorage } from './storage/open.js';
import { redactedUrl } from './storage/postgres.js';
import { instanceKey } from './auth/instanceKey.js';
import { startApp } from './app.js';
import { dataDir, port, redisSettings, sessionIdleHours } from './config.js';
import { RedisBus } from './sync/bus/redis.js';
import { seedDefaultAgenda } from './documents/seed.js';
import { ensureFirstChair } from './people/firstChair.js';
import { ensureFirstAdministrator } from './people/admin.js';
import { writePidFile } from './pidfile.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `npm start`: opens the database, loads the D66–CDA agenda on first start, serves the app. */
async function main(): Promise<void> {
  const dir = dataDir();
  let storage;
  try {
    storage = await openStorage(dir);
  } catch (err) {
    if (err instanceof StorageError || err instanceof RangeError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const { store } = storage;
  const seeded = await seedDefaultAgenda(store, path.join(root, 'fixtures'));
  if (seeded) console.log(`Agenda "${seeded.title}" geladen als document ${seeded.id}.`);

  // With REDIS_URL, instances on the same database share their rooms; a Redis that is away does not stop
  // this one from starting (it serves its own connections and catches up when Redis is back).
  const redis = redisSettings();
  const bus = redis ? new RedisBus(redis).start() : undefined;

  const staticDir = path.join(root, 'dist');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.warn('Geen gebouwde client in dist/: draai "npm run build" (npm start doet dat zelf).');
  }
  const app = await startApp({
    storage,
    dataDir: dir,
    key: instanceKey(storage, dir),
    port: port(),
    staticDir,
    publicUrl: process.env.AKKOORD_URL,
    trustProxy: process.env.AKKOORD_TRUST_PROXY,
    sessionIdleMs: sessionIdleHours() * 3_600_000,
    bus,
  });
  for (const doc of await store.listDocuments()) {
    const link = await ensureFirstChair(app.ctx.people, app.ctx.key, app.ctx.publicUrl(), doc.id);
    if (link) {
      console.log(
        `\nNog niemand uitgenodigd voor ${doc.id}. Meld u aan als voorzitter (secretariaat):\n  ${link}\n`,
      );
      console.log(
        'Nodig anderen uit met: npx akkoord invite --doc ' +
          doc.id +
          ' --party D66 --role negotiator --name "…"',
      );
    }
  }

  const adminLink = await ensureFirstAdministrator(app.ctx.administrators, app.ctx.key, app.ctx.publicUrl());
  if (adminLink) {
    console.log(
      `\nBeheerder van deze installatie (nieuwe onderhandelingen aanmaken en hun voorzitters aanstellen):\n  ${adminLink}\n`,
    );
    console.log('Meer beheerders met: npx akkoord admin --name "…"');
  }

  // Printed last: scripts and tests wait for this line to know the server is ready.
  const url = databaseUrl();
  console.log(`Akkoord draait op ${app.url}  (${url ? `database: ${redactedUrl(url)}` : `data: ${dir}`})`);
  const removePid = writePidFile(dir);
  const stop = async () => {
    await app.close();
    await bus?.close();
    removePid();
    await storage.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

await main().catch((err: unknown) => {
  console.error(`Akkoord kon niet starten: ${(err as Error).message}`);
  process.exit(1);
});
