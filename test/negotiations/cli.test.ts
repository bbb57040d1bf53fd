import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { akkoord } from '../helpers/cli.js';
import { chairTokenFrom, startServerProcess, type ServerProcess } from '../helpers/process.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, findMeasure, measureText, synced } from '../helpers/clients.js';
import { openSqliteStore } from '../../server/storage/sqlite.js';
import { applyStoredUpdates } from '../../server/sync/room.js';
import * as Y from 'yjs';
import { CloseCode, TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';

const AGENDA = path.resolve('fixtures/d66-cda-uitnodiging-2025.txt');
const OTHER = path.resolve('fixtures/agendas/d66-cda.docx');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-admin-'));

let proc: ServerProcess | null = null;
let server: TestServer | null = null;
afterEach(async () => {
  await proc?.kill();
  proc = null;
  await server?.stop();
  server = null;
});

/** The token of the first sign-in link after `label` in the server's output. */
function tokenAfter(output: string, label: string): string {
  return chairTokenFrom(output.slice(output.indexOf(label)));
}

/** A measure's text as the database holds it (read beside the running server, as the CLI reads it). */
async function storedText(dir: string, id: string): Promise<string | null> {
  const store = openSqliteStore(path.join(dir, 'akkoord.sqlite'));
  const doc = new Y.Doc();
  try {
    applyStoredUpdates(doc, await store.fetchUpdates('d66-cda'));
    return findMeasure(doc.getXmlFragment(TEXT_FRAGMENT), id)
      ? measureText(doc.getXmlFragment(TEXT_FRAGMENT), id).toString()
      : null;
  } finally {
    doc.destroy();
    await store.close();
  }
}

async function get(url: string, token: string): Promise<any> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return res.json();
}

describe('npx akkoord admin', () => {
  it('prints a new administrator’s token and link as JSON, and the link signs in as administrator', async () => {
    const dir = tmp();
    const made = akkoord(['admin', '--name', 'Bea Beheer', '--json'], dir);
    expect(made.code).toBe(0);
    const { token, url, admin } = JSON.parse(made.stdout);
    expect(url).toContain(`/signin#token=${encodeURIComponent(token)}`);
    server = await startTestServer({ dir });
    const me = await server.api(token, 'GET', '/api/me');
    expect(me.body).toEqual({ kind: 'admin', admin: { id: admin, name: 'Bea Beheer' } });
    await server.stop();
    server = null;

    // Revoked like a person, by id: the link no longer signs in.
    const revoked = akkoord(['revoke', '--person', admin], dir);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('Toegang van beheerder Bea Beheer is ingetrokken');
    server = await startTestServer({ dir });
    expect((await server.api(token, 'GET', '/api/me')).status).toBe(401);
  });

  it('refuses without a name, with one sentence', () => {
    const result = akkoord(['admin', '--json'], tmp());
    expect(result.code).toBe(65);
    expect(result.stderr.trim()).toBe('Geef de naam van de beheerder op met --name "…".');
  });
});

describe('the first start', () => {
  it('prints an administrator link beside the D66–CDA chair link, and only once', async () => {
    const dir = tmp();
    proc = await startServerProcess(dir);
    const output = proc.output();
    const chair = chairTokenFrom(output);
    const admin = tokenAfter(output, 'Beheerder van deze installatie');
    expect(admin).not.toBe(chair);
    expect((await get(`${proc.url}/api/me`, chair)).person).toMatchObject({
      role: 'chair',
      documentId: 'd66-cda',
    });
    expect(await get(`${proc.url}/api/me`, admin)).toMatchObject({
      kind: 'admin',
      admin: { name: 'Beheerder' },
    });
    await proc.kill();

    proc = await startServerProcess(dir);
    expect(proc.output()).not.toContain('Beheerder van deze installatie');
    expect(proc.output()).not.toContain('/signin#token=');
  });
});

describe('import --replace while the server runs', () => {
  it('is refused with a sentence, leaving the stored and the live text in step; after the server stops it replaces', async () => {
    const dir = tmp();
    proc = await startServerProcess(dir);
    const chair = chairTokenFrom(proc.output());
    const wsUrl = proc.url.replace(/^http/, 'ws') + '/sync';
    const c = connectClient(wsUrl, 'd66-cda', { token: chair });
    await synced(c.provider);
    measureText(c.fragment, 'm-1-1-1').insert(0, 'LIVE ');
    const typed = measureText(c.fragment, 'm-1-1-1').toString();
    await eventually(async () => (await storedText(dir, 'm-1-1-1')) === typed, 100);

    for (const args of [
      ['import', OTHER, '--id', 'd66-cda', '--replace'],
      ['import', AGENDA, '--id', 'd66-cda', '--replace', '--title', 'Nieuw'],
    ]) {
      const refused = akkoord(args, dir);
      expect(refused.code).toBe(73);
      expect(refused.stderr.trim()).toBe(
        'Akkoord draait op deze gegevens, dus d66-cda wordt niet vervangen (er is niets gewijzigd): geef --token <token van een beheerder> om de agenda in de draaiende server te vervangen, stop de server eerst, of importeer onder een nieuwe --id.',
      );
    }
    // A new id is no replacement: it is stored, and the running server serves it.
    expect(akkoord(['import', OTHER, '--id', 'ronde-2'], dir).code).toBe(0);

    // The server's copy and the stored one still agree: both hold the live edit.
    expect(await storedText(dir, 'm-1-1-1')).toBe(typed);
    const fresh = connectClient(wsUrl, 'd66-cda', { token: chair });
    await synced(fresh.provider);
    expect(measureText(fresh.fragment, 'm-1-1-1').toString()).toBe(typed);
    c.provider.destroy();
    fresh.provider.destroy();
    await proc.kill();
    proc = null;

    const replaced = akkoord(['import', AGENDA, '--id', 'd66-cda', '--replace', '--title', 'Nieuw'], dir);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('"Nieuw"');
  });

  it('with an administrator’s --token, replaces the agenda in the running server: open editors are closed for a reload', async () => {
    const dir = tmp();
    proc = await startServerProcess(dir);
    const output = proc.output();
    const chair = chairTokenFrom(output);
    const admin = tokenAfter(output, 'Beheerder van deze installatie');
    const wsUrl = proc.url.replace(/^http/, 'ws') + '/sync';
    const c = connectClient(wsUrl, 'd66-cda', { token: chair });
    await synced(c.provider);
    const codes: number[] = [];
    c.provider.on('connection-close', (event: CloseEvent | null) => event && codes.push(event.code));
    measureText(c.fragment, 'm-1-1-1').insert(0, 'OUD ');
    await eventually(async () => (await storedText(dir, 'm-1-1-1'))?.startsWith('OUD ') ?? false, 100);

    const env = { AKKOORD_URL: proc.url };
    const wrong = akkoord(
      ['import', OTHER, '--id', 'd66-cda', '--replace', '--token', chair],
      dir,
      undefined,
      env,
    );
    expect(wrong.code).toBe(77);
    expect(wrong.stderr.trim()).toMatch(/^Uw rol \(chair\) mag dit niet doen/u);

    const done = akkoord(
      ['import', OTHER, '--id', 'd66-cda', '--replace', '--token', admin, '--title', 'Vervangen'],
      dir,
      undefined,
      env,
    );
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Document d66-cda vervangen in de draaiende server: "Vervangen"');
    await eventually(() => codes.includes(CloseCode.replaced));
    expect(await storedText(dir, 'm-1-1-1')).toMatch(/^We willen schrappen in bezwaarprocedures/u);
    const fresh = connectClient(wsUrl, 'd66-cda', { token: chair });
    await synced(fresh.provider);
    expect(measureText(fresh.fragment, 'm-1-1-1').toString()).toBe(await storedText(dir, 'm-1-1-1'));
    c.provider.destroy();
    fresh.provider.destroy();
  });

  it('refuses a JSON export with --replace too', async () => {
    const dir = tmp();
    proc = await startServerProcess(dir);
    const file = path.join(dir, 'export.json');
    expect(akkoord(['export', 'd66-cda', '--format', 'json', '-o', file], dir).code).toBe(0);
    const refused = akkoord(['import', file, '--json', '--id', 'd66-cda', '--replace'], dir);
    expect(refused.code).toBe(73);
    expect(refused.stderr).toMatch(/^Akkoord draait op deze gegevens/u);
  });
});
