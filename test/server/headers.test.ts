import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type Invited, type TestServer } from '../helpers/server.js';
import { send } from '../helpers/browserRequests.js';

/** The built client (the global set-up builds it), as `npm start` serves it. */
const DIST = path.resolve('dist');

let server: TestServer;
let chair: Invited;
beforeAll(async () => {
  server = await startTestServer({
    staticDir: DIST,
    seed: (store) =>
      importAgenda(store, { id: 'test', agenda: agenda({ WONEN: { Vandaag: ['Meer bouwen.'] } }) }),
  });
  chair = await server.invite({ party: 'SEC', role: 'chair' });
});
afterAll(async () => {
  await server.stop();
});

/** A CSP header as a map of directive → sources. */
function directives(header: string | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values;
  }
  return out;
}

function expectSecurityHeaders(headers: Headers, what: string) {
  const csp = directives(headers.get('content-security-policy'));
  expect(csp['script-src'], what).toEqual(["'self'"]);
  expect(csp['default-src'], what).toEqual(["'self'"]);
  expect(csp['style-src'], what).toEqual(["'self'"]);
  expect(csp['object-src'], what).toEqual(["'none'"]);
  expect(csp['frame-ancestors'], what).toEqual(["'none'"]);
  expect(csp['connect-src'], what).toContain("'self'");
  expect(csp['connect-src'], what).toContain(`ws://localhost:${server.app.port}`);
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(headers.get('x-powered-by'), what).toBeNull();
}

describe('security headers', () => {
  it('are on every page, asset and API answer, including errors', async () => {
    const script = fs.readdirSync(path.join(DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    const paths = ['/', '/d/test', '/signin', `/assets/${script}`, '/api/me', '/api/nope', '/healthz'];
    for (const p of paths) {
      const res = await send(server, p);
      expectSecurityHeaders(res.headers, p);
    }
    const signedIn = await server.api(chair.token, 'GET', '/api/me');
    expect(signedIn.status).toBe(200);
  });

  it('sends the HTML export as an attachment in a sandbox that runs no script', async () => {
    const res = await fetch(`${server.app.url}/api/documents/test/export?format=html`, {
      headers: { authorization: `Bearer ${chair.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.html"$/);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.sandbox).toEqual([]);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toBeUndefined(); // falls back to default-src 'none'
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    await res.arrayBuffer();
  });
});

describe('the built client under that CSP', () => {
  it('has no inline script, inline style block, style attribute or event handler in its HTML', () => {
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });
});
