import type { ServerFeature } from '../feature.js';
import { migrationsOf } from '../storage/migrations.js';
import { peopleRouter } from '../http/people.js';

/**
 * Revocations made elsewhere (the command line) and expiries end open connections within this time.
 * AKKOORD_SWEEP_MS changes it (the tests of several instances set it long, to see what the bus alone does).
 */
const sweepIntervalMs = () => Number(process.env.AKKOORD_SWEEP_MS) || 2_000;

/**
 * People and parties: sign-in, invitations, revocation, drafting mode. On start every document gets the
 * default parties it lacks; open connections of people who are no longer active, and idle sessions, are ended
 * regularly.
 */
export const peopleFeature: ServerFeature = {
  name: 'people',
  migrations: migrationsOf('people'),
  routers: [peopleRouter],
  async start(ctx) {
    for (const doc of await ctx.store.listDocuments()) await ctx.people.ensureDefaultParties(doc.id);
    // One sweep at a time: a slow database never stacks them up.
    let sweeping = false;
    const sweep = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      void (async () => {
        await ctx.connections.sweep((id) => ctx.auth.stillActive(id));
        await ctx.auth.sessions.sweep();
      })()
        .catch((err: unknown) => console.error('Verbindingen nalopen mislukt:', err))
        .finally(() => (sweeping = false));
    }, sweepIntervalMs());
    return () => clearInterval(sweep);
  },
};
