import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';
import { rawConnect, updateMessage } from '../helpers/raw.js';

/**
 * Property-based fuzzing of the sync endpoint: random messages and mutations of valid ones, sent on raw
 * connections while honest stock clients keep editing. The server must stay up, keep no dangling state, and
 * the honest clients must keep converging.
 */
let server: TestServer;
let token = '';
beforeAll(async () => {
  server = await startTestServer({
    seed: (store) =>
      importAgenda(store, { id: 'test', agenda: agenda({ WONEN: { Vandaag: ['Meer bouwen.'] } }) }),
  });
  token = (await server.invite({ party: 'SEC', role: 'chair' })).token;
});
afterAll(async () => server?.stop());

/** A valid update of a small random change, to mutate. */
function validUpdate(seed: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 1000 + seed;
  doc.getXmlFragment('prosemirror').insert(0, [new Y.XmlText(`tekst ${seed}`)]);
  return Y.encodeStateAsUpdate(doc);
}

const message = fc.oneof(
  // Pure noise.
  fc.uint8Array({ minLength: 0, maxLength: 300 }),
  // Each message type with a random payload.
  fc
    .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 4 }), fc.uint8Array({ maxLength: 200 }))
    .map(([t, s, p]) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, t);
      encoding.writeVarUint(e, s);
      encoding.writeVarUint8Array(e, p);
      return encoding.toUint8Array(e);
    }),
  // A valid update with bytes flipped, cut or extended.
  fc
    .tuple(
      fc.nat(50),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
      fc.nat(3),
    )
    .map(([seed, flips, cut]) => {
      const m = updateMessage(validUpdate(seed));
      for (const [i, b] of flips) m[i % m.length] = b;
      return cut === 0 ? m.slice(0, Math.max(1, m.length - 3)) : m;
    }),
  // Awareness with garbage JSON.
  fc.string({ maxLength: 40 }).map((s) => {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, 7);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, s);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    return encoding.toUint8Array(e);
  }),
);

describe('fuzzing the sync endpoint', () => {
  it('stays up and keeps honest clients converging whatever bytes arrive', async () => {
    const a = connectClient(server.wsUrl, 'test', { token });
    const b = connectClient(server.wsUrl, 'test', { token });
    await Promise.all([synced(a.provider), synced(b.provider)]);
    const rssBefore = process.memoryUsage().rss;
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 8 }), async (messages) => {
        round++;
        const raw = await rawConnect(`${server.wsUrl}/test?token=${token}`);
        for (const m of messages) if (raw.ws.readyState === raw.ws.OPEN) raw.send(m);
        measureText(a.fragment, 'm-1-1-1').insert(0, `${round} `);
        // Answered (or closed): either way the server handled every byte of this round.
        await Promise.race([raw.closed, new Promise((r) => setTimeout(r, 30))]);
        raw.ws.terminate();
        const room = server.app.ctx.rooms.peek('test');
        expect(room?.doc.store.pendingStructs ?? null).toBeNull();
        expect((await fetch(`${server.app.url}/healthz`)).status).toBe(200);
      }),
      { numRuns: 120, seed: 20261126 },
    );
    await eventually(
      () => measureText(b.fragment, 'm-1-1-1').toString() === measureText(a.fragment, 'm-1-1-1').toString(),
    );
    expect(measureText(b.fragment, 'm-1-1-1').toString()).toContain(`${round} `);
    // Bounded memory: 120 rounds of junk leave no more than a small, fixed amount behind.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(256 * 1024 * 1024);
    a.provider.destroy();
    b.provider.destroy();
  });
});
