import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAgenda } from '../../server/documents/import.js';
import { hasLoneSurrogate } from '../../server/http/jsonBody.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type Invited, type TestServer } from '../helpers/server.js';

const DOC = '/api/documents/test';
let server: TestServer;
let d66: Invited;

beforeEach(async () => {
  server = await startTestServer({
    seed: (store) =>
      importAgenda(store, { id: 'test', agenda: agenda({ WONEN: { Vandaag: ['Meer bouwen.'] } }) }),
  });
  d66 = await server.invite({ party: 'D66', role: 'negotiator' });
});
afterEach(async () => {
  await server.stop();
});

/** Posts raw bytes as a JSON body, as a crafted client would. */
async function postRaw(
  url: string,
  bytes: Uint8Array,
): Promise<{ status: number; body: { error?: string } }> {
  const res = await fetch(`${server.app.url}${url}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${d66.token}`, 'content-type': 'application/json' },
    body: Buffer.from(bytes),
  });
  return { status: res.status, body: (await res.json()) as { error?: string } };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const amendments = async () => (await server.api(d66.token, 'GET', `${DOC}/amendments`)).body as unknown[];

describe('text over the API', () => {
  it('refuses a body with bytes that are not UTF-8 with 400 and a sentence, and stores nothing', async () => {
    const start = utf8('{"measure":"m-1-1-1","kind":"replace","text":"Meer ');
    const end = utf8(' bouwen.","rationale":"Omdat."}');
    // 0xC3 starts a two-byte sequence that 0x28 does not continue; 0xFF never occurs in UTF-8.
    const res = await postRaw(`${DOC}/amendments`, new Uint8Array([...start, 0xc3, 0x28, 0xff, ...end]));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/geen geldige UTF-8/);
    expect(await amendments()).toEqual([]);
  });

  it('refuses a lone surrogate in any string of the body, also in a key or deep inside, and stores nothing', async () => {
    const bodies = [
      '{"measure":"m-1-1-1","kind":"replace","text":"Meer \\ud800 bouwen.","rationale":"Omdat."}',
      '{"measure":"m-1-1-1","kind":"replace","text":"Meer bouwen.","rationale":"Omdat \\udfff"}',
      '{"measure":"m-1-1-1","kind":"replace","text":"Meer bouwen.","rationale":"","x\\ud83d":1}',
      '{"measure":"m-1-1-1","kind":"replace","text":"Meer bouwen.","rationale":"","extra":[[{"a":"\\udc00"}]]}',
    ];
    for (const body of bodies) {
      const res = await postRaw(`${DOC}/amendments`, utf8(body));
      expect(res.status, body).toBe(400);
      expect(res.body.error).toMatch(/ongeldig teken/);
    }
    expect(await amendments()).toEqual([]);
  });

  it('keeps accepting real characters outside the basic plane, written raw or as an escaped pair', async () => {
    const res = await postRaw(
      `${DOC}/amendments`,
      utf8(
        '{"measure":"m-1-1-1","kind":"replace","text":"Meer 🏠 bouwen \\ud83c\\udfe0.","rationale":"Omdat."}',
      ),
    );
    expect(res.status).toBe(201);
    const stored = (await amendments()) as { text: string }[];
    expect(stored.map((a) => a.text)).toEqual(['Meer 🏠 bouwen 🏠.']);
  });

  it('answers a deeply nested body without overflowing, and the server carries on', async () => {
    const deep = `{"measure":"m-1-1-1","kind":"replace","text":"x","rationale":"","extra":${'['.repeat(100_000)}"\\ud800"${']'.repeat(100_000)}}`;
    const res = await postRaw(`${DOC}/amendments`, utf8(deep));
    expect(res.status).toBe(400);
    expect((await server.api(d66.token, 'GET', '/api/me')).status).toBe(200);
  });
});

describe('hasLoneSurrogate', () => {
  it('finds a lone half of a pair anywhere and passes whole pairs', () => {
    expect(hasLoneSurrogate({ a: ['ok', { b: 'x\ud800' }] })).toBe(true);
    expect(hasLoneSurrogate({ ['\udc00']: 1 })).toBe(true);
    expect(hasLoneSurrogate({ a: ['😀', { b: 'Dilan Yeşilgöz' }], n: 1, t: true, z: null })).toBe(false);
  });
});
