import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAgenda } from '../../server/documents/import.js';
import { CONTENT_TYPES, importJsonExport, type JsonExport } from '../../server/export/index.js';
import type { Measure } from '../../shared/agenda/types.js';
import { connectClient, measureText, synced } from '../helpers/clients.js';
import { startTestServer, type Invited, type TestServer } from '../helpers/server.js';
import { originalAgenda } from './fixture.js';
import { part, revisions, unzip } from './ooxml.js';

const run = promisify(execFile);
const DOC = 'd66-cda';
const [measure, disputed, amended] = originalAgenda().chapters[0]!.sections[0]!.measures as [
  Measure,
  Measure,
  Measure,
];
const amendedAdds = 'Gemeenten krijgen hiervoor extra menskracht.';
const firstWord = measure.text.split(' ')[0]!;
const added = ' Dit regelen we nog deze kabinetsperiode.';

let server: TestServer;
let chair: Invited;
let cda: Invited;
let observer: Invited;

/** A raw HTTP GET as a person (by token), keeping the bytes and headers. */
async function download(token: string | null, query: string) {
  const res = await fetch(`${server.app.url}/api/documents/${DOC}/export?${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes,
    text: () => new TextDecoder().decode(bytes),
  };
}

/** `npx akkoord …` on the test server's data directory, as a person at the terminal runs it. */
async function cli(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [path.resolve('bin/akkoord.mjs'), ...args], {
    env: { ...process.env, AKKOORD_DATA: server.dir },
  });
  return stdout;
}

/**
 * A JSON export compared across documents: without its time, amendments without their (database) ids,
 * and without comment threads (the import does not restore them: see server/export/restore.ts).
 */
function comparable(data: JsonExport): unknown {
  const { exportedAt: _at, comments: _comments, ...rest } = data;
  return { ...rest, amendments: rest.amendments.map(({ documentId: _doc, id: _id, ...a }) => a) };
}

beforeAll(async () => {
  server = await startTestServer({
    seed: (store) => importAgenda(store, { id: DOC, agenda: originalAgenda() }),
  });
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Anne de Vries' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Carla Bos' });
  observer = await server.invite({ party: 'JA21', role: 'observer', name: 'Olaf Waarnemer' });

  // A CDA negotiator edits a measure live, through a stock y-websocket client, while drafting is open.
  expect(
    (await server.api(chair.token, 'PUT', `/api/documents/${DOC}/drafting`, { mode: 'open' })).status,
  ).toBe(200);
  const client = connectClient(server.wsUrl, DOC, { token: cda.token });
  await synced(client.provider);
  const text = measureText(client.fragment, measure.id);
  client.doc.transact(() => {
    text.insert(text.length, added);
    text.delete(0, firstWord.length + 1);
  });
  const expected = `${measure.text.slice(firstWord.length + 1)}${added}`;
  // Stored before it is acknowledged: the measures API shows the edit once the server has it.
  for (;;) {
    const answer = await server.api(chair.token, 'GET', `/api/documents/${DOC}/measures`);
    const found = (answer.body as { id: string; current: string }[]).find((m) => m.id === measure.id);
    if (found?.current === expected) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  client.provider.destroy();
  client.doc.destroy();

  // CDA proposes an amendment on the third measure, takes a position on it, and the chair accepts it;
  // the chair marks the second measure disputed: all through the amendments API.
  const proposed = await server.api(cda.token, 'POST', `/api/documents/${DOC}/amendments`, {
    measure: amended.id,
    kind: 'replace',
    text: `${amended.text} ${amendedAdds}`,
    rationale: 'Duidelijker voor gemeenten.',
  });
  expect(proposed.status).toBe(201);
  const aid = proposed.body.id as string;
  expect((await server.api(cda.token, 'POST', `/api/documents/${DOC}/amendments/${aid}/submit`)).status).toBe(
    200,
  );
  const position = { position: 'support' };
  expect(
    (await server.api(cda.token, 'PUT', `/api/documents/${DOC}/amendments/${aid}/positions/CDA`, position))
      .status,
  ).toBe(200);
  expect(
    (await server.api(chair.token, 'POST', `/api/documents/${DOC}/amendments/${aid}/accept`)).status,
  ).toBe(200);
  const status = { status: 'disputed' };
  expect(
    (await server.api(chair.token, 'PUT', `/api/documents/${DOC}/measures/${disputed.id}/status`, status))
      .status,
  ).toBe(200);
});

afterAll(async () => {
  await server?.stop();
});

describe('the export API', () => {
  const formats = [
    ['docx', 'docx', 'gemarkeerd'],
    ['md', 'markdown', 'gemarkeerd'],
    ['html', 'html', 'gemarkeerd'],
    ['json', 'json', 'gemarkeerd'],
    ['csv', 'amendments-csv', 'amendementen'],
    ['amendments-docx', 'amendments-docx', 'amendementen'],
  ] as const;

  it.each(formats)(
    'answers format=%s with its content type and a file name that says what and when',
    async (name, format, kind) => {
      const answer = await download(cda.token, `format=${name}`);
      expect(answer.status).toBe(200);
      expect(answer.type).toBe(CONTENT_TYPES[format]);
      const extension = name === 'amendments-docx' ? 'docx' : name;
      expect(answer.disposition).toMatch(
        new RegExp(`^attachment; filename="d66-cda_live_${kind}_\\d{4}-\\d{2}-\\d{2}\\.${extension}"$`),
      );
      expect(answer.bytes.byteLength).toBeGreaterThan(100);
    },
  );

  it('writes the live edit into the Word file as tracked changes authored by the party that made it', async () => {
    const answer = await download(chair.token, 'format=docx&changes=marked');
    const xml = part(answer.bytes, 'word/document.xml');
    expect(revisions(xml, 'del')).toContainEqual(
      expect.objectContaining({ author: 'CDA', text: `${firstWord} ` }),
    );
    expect(revisions(xml, 'ins')).toContainEqual(expect.objectContaining({ author: 'CDA', text: added }));
    // The accepted amendment is CDA's change, though the chair's acceptance wrote it into the text.
    expect(revisions(xml, 'ins')).toContainEqual(
      expect.objectContaining({ author: 'CDA', text: ` ${amendedAdds}` }),
    );
    const clean = part((await download(chair.token, 'format=docx&changes=clean')).bytes, 'word/document.xml');
    expect(clean).not.toMatch(/<w:(ins|del)\b/);
    expect(clean).toContain(added.trim());
  });

  it('marks the edit in Markdown and leaves it unmarked in the clean Markdown', async () => {
    const marked = (await download(cda.token, 'format=md')).text();
    expect(marked).toContain(`~~${firstWord}~~`);
    const clean = (await download(cda.token, 'format=md&changes=clean')).text();
    expect(clean).not.toContain('~~');
    expect(clean).toContain(added.trim());
  });

  it('gives the labels in English with lang=en and leaves out disputed measures with disputed=0', async () => {
    const english = (await download(cda.token, 'format=csv&lang=en')).text();
    expect(english).toContain('Rationale');
    expect(english).toContain('A-1');
    expect((await download(cda.token, 'format=md&changes=clean')).text()).toContain(
      disputed.text.slice(0, 40),
    );
    expect((await download(cda.token, 'format=md&changes=clean&disputed=0')).text()).not.toContain(
      disputed.text.slice(0, 40),
    );
  });

  it('carries the shared comment threads into Word comments and JSON, never a party’s own threads', async () => {
    const quote = disputed.text.split(' ').slice(0, 4).join(' ');
    const thread = { measure: disputed.id, quote, audience: 'everyone', text: 'Wat kost dit de gemeenten?' };
    expect((await server.api(cda.token, 'POST', `/api/documents/${DOC}/comments`, thread)).status).toBe(201);
    const own = { ...thread, audience: 'party', text: 'Alleen voor CDA: hier niet op ingaan.' };
    expect((await server.api(cda.token, 'POST', `/api/documents/${DOC}/comments`, own)).status).toBe(201);
    const comments = part((await download(chair.token, 'format=docx&comments=1')).bytes, 'word/comments.xml');
    expect(comments).toContain(thread.text);
    expect(comments).toContain('Carla Bos (CDA)');
    expect(comments).not.toContain(own.text);
    const data = importJsonExport((await download(cda.token, 'format=json')).text());
    expect(data.comments).toEqual([
      {
        measureId: disputed.id,
        quote,
        messages: [expect.objectContaining({ author: 'Carla Bos (CDA)', text: thread.text })],
      },
    ]);
  });

  it('refuses an observer with 403 and someone not signed in with 401, each with a sentence', async () => {
    const refused = await server.api(observer.token, 'GET', `/api/documents/${DOC}/export?format=docx`);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/observer/);
    const anonymous = await server.api(null, 'GET', `/api/documents/${DOC}/export?format=docx`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatch(/niet aangemeld/);
  });

  it('answers a bad format with 400 and the list of formats, an unknown version with 404', async () => {
    const bad = await server.api(cda.token, 'GET', `/api/documents/${DOC}/export?format=pdf`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe(
      'Onbekend exportformaat "pdf"; kies uit docx, md, html, json, csv, amendments-docx.',
    );
    const unknown = await server.api(
      cda.token,
      'GET',
      `/api/documents/${DOC}/export?format=docx&version=v-nope`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/Er is geen versie "v-nope"/);
    const badChanges = await server.api(
      cda.token,
      'GET',
      `/api/documents/${DOC}/export?format=md&changes=all`,
    );
    expect(badChanges.status).toBe(400);
  });

  it('exports a named version under its name, with its own text', async () => {
    const made = await server.api(chair.token, 'POST', `/api/documents/${DOC}/versions`, {
      name: 'Na ronde 1',
    });
    expect(made.status).toBe(201);
    const answer = await download(cda.token, `format=json&version=${made.body.id}`);
    expect(answer.status).toBe(200);
    expect(answer.disposition).toMatch(/filename="d66-cda_na-ronde-1_gemarkeerd_/);
    const data = importJsonExport(answer.text());
    expect(data.versionLabel).toBe('Na ronde 1');
    expect(data.agenda.chapters[0]!.sections[0]!.measures[0]!.text.endsWith(added)).toBe(true);
  });
});

describe('the export and import commands', () => {
  it('writes the Word export to a file', async () => {
    const file = path.join(server.dir, 'export.docx');
    const said = await cli('export', DOC, '--format', 'docx', '-o', file);
    expect(said).toMatch(/Export geschreven naar/);
    const bytes = fs.readFileSync(file);
    expect(unzip(bytes).has('word/document.xml')).toBe(true);
    expect(revisions(part(bytes, 'word/document.xml'), 'ins')).toContainEqual(
      expect.objectContaining({ author: 'CDA', text: added }),
    );
    // A real consumer opens it: LibreOffice (installed by .ci/run) reads it and shows the edit.
    const profile = pathToFileURL(path.join(server.dir, 'lo-profile')).href;
    await run(
      '/usr/bin/soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'txt:Text',
        '--outdir',
        server.dir,
        file,
      ],
      { timeout: 120_000 },
    );
    expect(fs.readFileSync(path.join(server.dir, 'export.txt'), 'utf8')).toContain(added.trim());
  }, 180_000);

  it('imports a JSON export under a new id and exports it again to the same JSON', async () => {
    const first = path.join(server.dir, 'first.json');
    const second = path.join(server.dir, 'second.json');
    await cli('export', DOC, '--format', 'json', '-o', first);
    const said = await cli('import', first, '--json', '--id', 'd66-cda-kopie');
    expect(said).toMatch(/Document d66-cda-kopie opgeslagen uit de export/);
    await cli('export', 'd66-cda-kopie', '--format', 'json', '-o', second);
    const a = importJsonExport(fs.readFileSync(first, 'utf8'));
    const b = importJsonExport(fs.readFileSync(second, 'utf8'));
    expect(a.amendments).toHaveLength(1);
    expect(a.amendments[0]).toMatchObject({ number: 'A-1', party: 'CDA', status: 'accepted' });
    expect(a.amendments[0]!.positions.CDA?.position).toBe('support');
    expect(a.measureStatuses).toEqual({ [disputed.id]: 'disputed' });
    expect(a.original).toBeDefined();
    expect(comparable(b)).toEqual(comparable(a));
    // The copy keeps the edit as a change against its original.
    expect(await server.store.getBaseline('d66-cda-kopie')).toEqual(await server.store.getBaseline(DOC));
  });

  it('says in a sentence what is wrong with a bad format or a missing file', async () => {
    await expect(cli('export', DOC, '--format', 'pdf', '-o', '/tmp/x')).rejects.toMatchObject({
      stderr: 'Onbekend exportformaat "pdf"; kies uit docx, md, html, json, csv, amendments-docx.\n',
    });
    await expect(cli('import', '/nonexistent.json', '--json', '--id', 'x')).rejects.toMatchObject({
      stderr: 'Bestand /nonexistent.json bestaat niet of is niet leesbaar.\n',
    });
  });
});
