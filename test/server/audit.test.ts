import { afterEach, describe, expect, it } from 'vitest';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import * as Y from 'yjs';
import { connectClient, eventually, findMeasure, measureText, synced } from '../helpers/clients.js';

const seed = (store: Parameters<typeof importAgenda>[0]) =>
  importAgenda(store, {
    id: 'test',
    agenda: agenda({ WONEN: { Vandaag: ['Meer bouwen.', 'Minder regels.'] } }),
  });

let server: TestServer;
afterEach(async () => server?.stop());

describe('who changed what', () => {
  it('records each edit with the person, their party and the measure, and shows who changed a measure last', async () => {
    server = await startTestServer({ seed });
    const chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Carla Voorzitter' });
    const cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Cas Onderhandelaar' });
    await server.api(chair.token, 'PUT', '/api/documents/test/drafting', { mode: 'open' });
    const c = connectClient(server.wsUrl, 'test', { token: cda.token });
    await synced(c.provider);
    measureText(c.fragment, 'm-1-1-2').insert(0, 'Veel ');
    await eventually(async () => (await server.store.audit.forMeasure('test', 'm-1-1-2')).length > 0);
    c.provider.destroy();

    const history = await server.api(chair.token, 'GET', '/api/documents/test/audit?measure=m-1-1-2');
    expect(history.status).toBe(200);
    expect(history.body[0]).toMatchObject({ person: 'Cas Onderhandelaar', party: 'CDA', onBehalfOf: null });
    const untouched = await server.api(chair.token, 'GET', '/api/documents/test/audit?measure=m-1-1-1');
    expect(untouched.body).toEqual([]);
    const last = await server.api(cda.token, 'GET', '/api/documents/test/last-changes');
    expect(last.body).toEqual([
      expect.objectContaining({ measureId: 'm-1-1-2', personName: 'Cas Onderhandelaar', party: 'CDA' }),
    ]);
    expect((await server.api(null, 'GET', '/api/documents/test/audit?measure=m-1-1-2')).status).toBe(401);
  });

  it('attributes an accepted amendment to the chair who accepted it and the party that proposed it', async () => {
    server = await startTestServer({ seed });
    const chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Carla Voorzitter' });
    const vvd = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Vos' });
    const draft = await server.api(vvd.token, 'POST', '/api/documents/test/amendments', {
      measure: 'm-1-1-1',
      kind: 'replace',
      text: 'Veel meer bouwen.',
      rationale: 'Ambitie.',
    });
    await server.api(vvd.token, 'POST', `/api/documents/test/amendments/${draft.body.id}/submit`);
    expect(
      (await server.api(chair.token, 'POST', `/api/documents/test/amendments/${draft.body.id}/accept`))
        .status,
    ).toBe(200);
    const history = await server.api(chair.token, 'GET', '/api/documents/test/audit?measure=m-1-1-1');
    expect(history.body[0]).toMatchObject({ person: 'Carla Voorzitter', party: 'SEC', onBehalfOf: 'VVD' });
    expect(await server.store.audit.verify()).toEqual([]);
  });

  it('records a removed measure, and a removed chapter with its sections and measures, under their ids', async () => {
    server = await startTestServer({
      seed: (store) =>
        importAgenda(store, {
          id: 'test',
          agenda: agenda({
            WONEN: { Vandaag: ['Meer bouwen.', 'Minder regels.'] },
            ZORG: { Dichtbij: ['Huisarts om de hoek.'], Betaalbaar: ['Lager eigen risico.'] },
          }),
        }),
    });
    const chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Carla Voorzitter' });
    const c = connectClient(server.wsUrl, 'test', { token: chair.token });
    await synced(c.provider);
    const measure = findMeasure(c.fragment, 'm-1-1-2')!;
    const section = measure.parent as Y.XmlElement;
    section.delete(section.toArray().indexOf(measure), 1);
    const chapter = c.fragment.toArray()[3] as Y.XmlElement;
    expect(chapter.getAttribute('id')).toBe('c-2');
    c.fragment.delete(3, 1);
    const gone = ['m-1-1-2', 'c-2', 's-2-1', 's-2-2', 'm-2-1-1', 'm-2-2-1'];
    await eventually(async () => {
      for (const id of gone) if ((await server.store.audit.forMeasure('test', id)).length === 0) return false;
      return true;
    });
    c.provider.destroy();
    for (const id of gone) {
      const history = await server.api(chair.token, 'GET', `/api/documents/test/audit?measure=${id}`);
      expect(history.body).toEqual([expect.objectContaining({ person: 'Carla Voorzitter', kind: 'update' })]);
    }
    expect(await server.store.audit.verify()).toEqual([]);
  });

  it('records a measure removed by an accepted amendment, for the proposing party', async () => {
    server = await startTestServer({ seed });
    const chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Carla Voorzitter' });
    const vvd = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Vos' });
    const draft = await server.api(vvd.token, 'POST', '/api/documents/test/amendments', {
      measure: 'm-1-1-2',
      kind: 'delete',
      rationale: 'Overbodig.',
    });
    await server.api(vvd.token, 'POST', `/api/documents/test/amendments/${draft.body.id}/submit`);
    const accepted = await server.api(
      chair.token,
      'POST',
      `/api/documents/test/amendments/${draft.body.id}/accept`,
    );
    expect(accepted.status).toBe(200);
    const history = await server.api(chair.token, 'GET', '/api/documents/test/audit?measure=m-1-1-2');
    expect(history.body).toEqual([
      expect.objectContaining({ person: 'Carla Voorzitter', party: 'SEC', onBehalfOf: 'VVD' }),
    ]);
  });
});
