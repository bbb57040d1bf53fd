import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, eventually, synced } from '../helpers/clients.js';
import { chairTokenFrom, type ServerProcess } from '../helpers/process.js';
import { ensureSharedRedis } from '../helpers/redis.js';
import {
  SHARED_DATABASES,
  sharedSetting,
  textClient,
  type,
  words,
  wsOf,
  type SharedSetting,
} from './twoInstances.js';
import { agenda } from '../helpers/agenda.js';
import { CloseCode } from '../../shared/protocol/protocol.js';
import { ownPageHeaders, send, signInForCookie, socketWith } from '../helpers/browserRequests.js';

/** An API request to a server process as a person, JSON in and out. */
async function api(server: ServerProcess, token: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe.each(SHARED_DATABASES)(
  'two instances on one $database database, in step through Redis',
  ({ database }) => {
    let a: ServerProcess;
    let b: ServerProcess;
    let chair: string;
    let setting: SharedSetting;
    const clients: { provider: { destroy(): void } }[] = [];
    const track = <T extends { provider: { destroy(): void } }>(client: T): T => {
      clients.push(client);
      return client;
    };

    beforeAll(async () => {
      // No regular sweep of sessions and revocations: what reaches the other instance comes through Redis.
      setting = await sharedSetting(
        await ensureSharedRedis(),
        { AKKOORD_SWEEP_MS: String(3_600_000) },
        database,
      );
      a = await setting.start();
      b = await setting.start();
      chair = chairTokenFrom(a.output());
    });
    afterAll(async () => {
      for (const c of clients) c.provider.destroy();
      await a?.kill();
      await b?.kill();
      await setting?.dispose();
    });

    it('carries edits both ways between a stock client on each instance', async () => {
      const onA = track(await textClient(a, chair));
      const onB = track(await textClient(b, chair));
      for (let i = 1; i <= 20; i++) {
        type(onA, `a${i}`);
        type(onB, `b${i}`);
      }
      await eventually(() => words(onB, 'a').size === 20 && words(onA, 'b').size === 20);
      // Both instances stored what they accepted: a third client on either sees it all.
      const late = track(await textClient(b, chair));
      expect(words(late, 'a').size).toBe(20);
      expect(words(late, 'b').size).toBe(20);
    });

    it("shows a person on one instance to the people on the other, stamped with the person's name", async () => {
      const invited = await api(a, chair, 'POST', '/api/documents/d66-cda/people', {
        name: 'Anna van A',
        party: 'D66',
        role: 'negotiator',
      });
      expect(invited.status).toBe(201);
      const onA = track(await textClient(a, invited.body.token));
      const onB = track(await textClient(b, chair));
      onA.provider.awareness.setLocalStateField('cursor', { at: 1 });
      const named = () =>
        [...onB.provider.awareness.getStates().values()].some(
          (s) => (s.user as { name?: string } | undefined)?.name === 'Anna van A',
        );
      await eventually(named);
      // And she is gone for them once she leaves.
      onA.provider.destroy();
      await eventually(() => !named());
    });

    it('ends the connection on the other instance of a person the chair revokes', async () => {
      const invited = await api(a, chair, 'POST', '/api/documents/d66-cda/people', {
        name: 'Bert van B',
        party: 'CDA',
        role: 'negotiator',
      });
      const onB = track(connectClient(wsOf(b), 'd66-cda', { token: invited.body.token }));
      await synced(onB.provider);
      const closed = new Promise<number>((resolve) =>
        onB.provider.on('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)),
      );
      const res = await api(
        a,
        chair,
        'POST',
        `/api/documents/d66-cda/people/${invited.body.person.id}/revoke`,
      );
      expect(res.status).toBe(200);
      expect(await closed).toBe(4401);
      onB.provider.destroy();
    });

    it('opens drafting on one instance for a negotiator editing on the other', async () => {
      const invited = await api(a, chair, 'POST', '/api/documents/d66-cda/people', {
        name: 'Carla van C',
        party: 'CDA',
        role: 'negotiator',
      });
      const meta = track(connectClient(wsOf(b), 'd66-cda/meta', { token: invited.body.token }));
      const onB = track(await textClient(b, invited.body.token));
      const onA = track(await textClient(a, chair));
      await synced(meta.provider);
      expect((await api(a, chair, 'PUT', '/api/documents/d66-cda/drafting', { mode: 'open' })).status).toBe(
        200,
      );
      // The meta room on the other instance carries the mode live, and its connections may now write.
      await eventually(() => meta.doc.getMap('settings').get('drafting') === 'open');
      type(onB, 'c1');
      await eventually(() => words(onA, 'c').has(1));
    });

    it('compacts a long log once, whichever instance gets there, keeping every edit of both', async () => {
      const onA = track(await textClient(a, chair));
      const onB = track(await textClient(b, chair));
      // Past the compaction threshold (500 stored updates) on both instances, in rounds a stock client's
      // connection may send at once (more than its burst of messages would close it).
      for (let round = 0; round < 7; round++) {
        for (let i = round * 50 + 1; i <= (round + 1) * 50; i++) {
          type(onA, `k${i}`);
          type(onB, `l${i}`);
        }
        const done = (round + 1) * 50;
        await eventually(() => words(onA, 'l').size === done && words(onB, 'k').size === done);
      }
      let stored = Infinity;
      await eventually(async () => (stored = await setting.storedUpdates('d66-cda')) < 400, 100);
      expect(stored).toBeLessThan(400);
      const late = track(await textClient(a, chair));
      expect(words(late, 'k').size).toBe(350);
      expect(words(late, 'l').size).toBe(350);
    });

    it('ends the connections on the other instance of a browser session signed out on one', async () => {
      const [onA, onB] = [a, b].map((s) => ({ app: { url: s.url }, wsUrl: wsOf(s) }));
      const { session } = await signInForCookie(onA!, chair);
      const socket = socketWith(onB!, 'd66-cda', { session, origin: onB!.app.url });
      expect(await socket.opened).toBe(true);
      // Admitted and served (the upgrade is checked after the handshake): the server's sync step 1 came.
      await eventually(() => socket.received.length > 0);
      const out = await send(onA!, '/api/session', {
        method: 'DELETE',
        session,
        headers: ownPageHeaders(onA!),
      });
      expect(out.status).toBe(204);
      // Told through Redis: the reason is the sign-out's (the regular sweep would say the session ended).
      expect(await socket.closed).toEqual({ code: 4401, reason: 'U bent afgemeld' });
    });

    it('closes the connections on the other instance when an administrator replaces the agenda', async () => {
      const admin = /Beheerder van deze installatie[^\n]*\n\s*\S*\/signin#token=([\w.%-]+)/.exec(a.output());
      expect(admin).not.toBeNull();
      const onB = track(await textClient(b, chair));
      const closed = new Promise<number>((resolve) =>
        onB.provider.on('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)),
      );
      const res = await api(a, decodeURIComponent(admin![1]!), 'PUT', '/api/documents/d66-cda', {
        agenda: agenda({ NIEUW: { Vandaag: ['Een nieuwe maatregel.'] } }),
      });
      expect(res.status).toBe(200);
      expect(await closed).toBe(CloseCode.replaced);
      // A new connection to that instance gets the new text, not the copy it had in memory.
      const again = track(await textClient(b, chair));
      expect(again.fragment.toString()).toContain('Een nieuwe maatregel.');
    });
  },
);
