import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgenda } from '../../shared/agenda/parse.js';
import { importAgenda } from '../../server/documents/import.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const read = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
const original = parseAgenda(read('d66-cda-uitnodiging-2025.txt').toString('utf8'));

let server: TestServer;
let admin: string;
let chair: string;
let negotiator: string;

beforeAll(async () => {
  server = await startTestServer({
    seed: (store) => importAgenda(store, { id: 'd66-cda', agenda: original }),
  });
  admin = (await server.appointAdmin()).token;
  chair = (await server.invite({ party: 'SEC', role: 'chair' })).token;
  negotiator = (await server.invite({ party: 'D66', role: 'negotiator' })).token;
});
afterAll(() => server.stop());

/** POSTs a file to /api/imports as multipart form data. */
async function upload(token: string | null, name: string, bytes: Uint8Array, field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${server.app.url}/api/imports`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('POST /api/imports', () => {
  it.each(['agendas/d66-cda.pdf', 'agendas/d66-cda.docx', 'd66-cda-uitnodiging-2025.txt'])(
    'reads %s into the agenda, warnings and source, and stores nothing',
    async (name) => {
      const { status, body } = await upload(admin, name.split('/').pop()!, read(name));
      expect(status).toBe(200);
      expect(body.agenda).toEqual(original);
      expect(body.warnings).toEqual([]);
      expect(body.source.filter((e: any) => e.role === 'measure').length).toBeGreaterThanOrEqual(124);
      expect((await server.store.listDocuments()).map((d) => d.id)).toEqual(['d66-cda']);
    },
  );

  it.each([
    ['fout/versleuteld.pdf', 422, /wachtwoord/u],
    ['fout/scan.pdf', 422, /geen tekst/u],
    ['fout/beschadigd.docx', 422, /beschadigd/u],
    ['fout/zonder-structuur.txt', 422, /Geen hoofdstukken/u],
  ])('refuses %s with %i and one sentence, and stays up', async (name, code, message) => {
    const { status, body } = await upload(admin, name.split('/').pop()!, read(`agendas/${name}`));
    expect(status).toBe(code);
    expect(body.error).toMatch(message);
    expect((await server.api(admin, 'GET', '/api/documents')).status).toBe(200);
  });

  it('refuses a file over 20 MB with 413', async () => {
    const { status, body } = await upload(admin, 'groot.pdf', new Uint8Array(20 * 1024 * 1024 + 1));
    expect(status).toBe(413);
    expect(body.error).toMatch(/groter dan 20 MB/u);
  });

  it('refuses a request without a file field with 400', async () => {
    const { status, body } = await upload(
      admin,
      'agenda.txt',
      read('d66-cda-uitnodiging-2025.txt'),
      'bestand',
    );
    expect(status).toBe(400);
    expect(body.error).toMatch(/veld "file"/u);
  });

  it('is for administrators only: 401 without a sign-in, 403 for a chair and a negotiator', async () => {
    const bytes = read('agendas/d66-cda.docx');
    expect((await upload(null, 'a.docx', bytes)).status).toBe(401);
    for (const [token, role] of [
      [chair, 'chair'],
      [negotiator, 'negotiator'],
    ] as const) {
      const refused = await upload(token, 'a.docx', bytes);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe(
        `Uw rol (${role}) mag dit niet doen: een agenda inlezen voor een nieuwe onderhandeling.`,
      );
    }
  });
});
