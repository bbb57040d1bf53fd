import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type Invited, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';
import { part, revisions } from '../export/ooxml.js';
import { libreOffice } from '../export/libreoffice.js';

const M1 =
  'We bouwen jaarlijks 100.000 woningen en schrappen regels voor optoppen van bestaande panden, zodat starters sneller een huis vinden.';
const sample = agenda({
  WONEN: { 'Meer bouwen': [M1, 'Minder regels voor optoppen.'] },
  DEFENSIE: { Krijgsmacht: ['We investeren in defensie.'] },
});
const DOC = '/api/documents/test';
const D66_TEXT = ' Binnen een jaar ligt er een wetsvoorstel.';
const CDA_TEXT = ' Gemeenten krijgen daar geld voor.';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-authorship-docx-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let server: TestServer;
let chair: Invited;
let d66: Invited;
let cda: Invited;
const clients: ReturnType<typeof connectClient>[] = [];

beforeEach(async () => {
  server = await startTestServer({ seed: (store) => importAgenda(store, { id: 'test', agenda: sample }) });
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Carla Voorzitter' });
  d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Daan Dijkstra' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Cas Claassen' });
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.provider.destroy();
  await server.stop();
});

async function exported(query: string): Promise<Uint8Array> {
  const res = await fetch(`${server.app.url}${DOC}/export?${query}`, {
    headers: { authorization: `Bearer ${chair.token}` },
  });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

describe('the marked Word export with authorship per run', () => {
  it('credits each party’s run in one paragraph to that party, dated by that change, and LibreOffice accepts and rejects them exactly', async () => {
    await server.api(chair.token, 'PUT', `${DOC}/drafting`, { mode: 'open' });
    const a = connectClient(server.wsUrl, 'test', { token: d66.token });
    const b = connectClient(server.wsUrl, 'test', { token: cda.token });
    clients.push(a, b);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    measureText(a.fragment, 'm-1-1-1').insert(M1.length, D66_TEXT);
    await eventually(() => measureText(b.fragment, 'm-1-1-1').toString().endsWith(D66_TEXT));
    const text = measureText(b.fragment, 'm-1-1-1');
    text.insert(text.length, CDA_TEXT);
    text.delete(M1.indexOf('jaarlijks '), 'jaarlijks '.length);
    await eventually(() => measureText(a.fragment, 'm-1-1-1').toString().endsWith(CDA_TEXT));
    // An accepted amendment in another measure: the proposing party's.
    const draft = (
      await server.api(d66.token, 'POST', `${DOC}/amendments`, {
        measure: 'm-2-1-1',
        kind: 'replace',
        text: 'We investeren fors in defensie.',
        rationale: 'Veiligheid.',
      })
    ).body;
    await server.api(d66.token, 'POST', `${DOC}/amendments/${draft.id}/submit`);
    expect((await server.api(chair.token, 'POST', `${DOC}/amendments/${draft.id}/accept`)).status).toBe(200);

    const marked = await exported('format=docx&changes=marked');
    const xml = part(marked, 'word/document.xml');
    const inserted = revisions(xml, 'ins').filter((r) => r.text.trim() !== '');
    const deleted = revisions(xml, 'del').filter((r) => r.text.trim() !== '');
    expect(inserted.map((r) => [r.author, r.text])).toEqual([
      ['D66', D66_TEXT],
      ['CDA', CDA_TEXT],
      ['D66', 'fors '],
    ]);
    expect(deleted.map((r) => [r.author, r.text])).toEqual([['CDA', 'jaarlijks ']]);
    // Dated by each change: the moment the attribution index recorded for that run.
    const diff = (await server.api(chair.token, 'GET', `${DOC}/diff?from=original&to=live`)).body;
    const ops = diff.units.find((u: any) => u.id === 'm-1-1-1').ops.filter((op: any) => op.length === 3);
    const second = (at: string) => at.replace(/\.\d{3}Z$/, 'Z');
    expect(deleted[0]!.date).toBe(second(ops[0][2].at));
    expect(inserted[0]!.date).toBe(second(ops[1][2].at));
    expect(inserted[1]!.date).toBe(second(ops[2][2].at));

    // LibreOffice: accept all gives the live text, reject all the original.
    const files = {
      marked: path.join(work, 'marked.docx'),
      live: path.join(work, 'live.docx'),
      original: path.join(work, 'original.docx'),
    };
    fs.writeFileSync(files.marked, marked);
    fs.writeFileSync(files.live, await exported('format=docx&changes=clean'));
    fs.writeFileSync(files.original, await exported('format=docx&changes=clean&version=original'));
    const lo = libreOffice(work);
    const [live, original] = lo.toText([files.live, files.original]);
    const body = (text: string) => text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const accepted = body(lo.allChanges(files.marked, 'accept'));
    const rejected = body(lo.allChanges(files.marked, 'reject'));
    expect(accepted).not.toEqual(rejected);
    expect(accepted).toEqual(body(live!));
    expect(rejected).toEqual(body(original!));
    expect(live).toContain(`${D66_TEXT}${CDA_TEXT}`.trim());
  }, 240_000);
});
