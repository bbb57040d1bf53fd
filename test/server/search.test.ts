import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type Invited, type TestServer } from '../helpers/server.js';
import { fold, matchesIn, queryTerms, search, prepare, snippetOf } from '../../shared/search/index.js';

const sample = agenda({
  WONEN: { 'Meer bouwen': ['We bouwen jaarlijks 100.000 woningen.', 'Minder regels voor optoppen.'] },
  'ECONOMIE EN ÉNERGIE': { Stroomnet: ['We leggen het stroomnet sneller aan in de regio.'] },
});
const DOC = '/api/documents/test';

let server: TestServer;
let d66: Invited;
let d66Reviewer: Invited;
let cda: Invited;

beforeEach(async () => {
  server = await startTestServer({ seed: (store) => importAgenda(store, { id: 'test', agenda: sample }) });
  d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Dirk D66' });
  d66Reviewer = await server.invite({ party: 'D66', role: 'reviewer', name: 'Daan D66' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Carla CDA' });
});

afterEach(async () => {
  await server.stop();
});

async function ok(who: Invited, method: string, url: string, body?: unknown) {
  const res = await server.api(who.token, method, url, body);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const find = (who: Invited, q: string) => ok(who, 'GET', `${DOC}/search?q=${encodeURIComponent(q)}`);

describe('search through the API', () => {
  it('finds words in measures and headings with their numbers, whatever the case and the accents', async () => {
    const result = await find(cda, 'STROOMNET');
    expect(result.total).toBe(2);
    expect(result.hits.map((h: { kind: string; number: string }) => [h.kind, h.number])).toEqual([
      ['title', '2.1'],
      ['measure', '2.1.1'],
    ]);
    expect(result.hits[1].snippet).toEqual({
      before: 'We leggen het ',
      match: 'stroomnet',
      after: ' sneller aan in de regio.',
    });
    expect((await find(cda, 'energie')).hits[0]).toMatchObject({
      kind: 'title',
      level: 'chapter',
      number: '2',
    });
    // Every word must occur, in any order.
    expect((await find(cda, 'regels optoppen')).hits.map((h: { id: string }) => h.id)).toEqual(['m-1-1-2']);
    expect((await find(cda, 'regels stroomnet')).total).toBe(0);
  });

  it("finds one's own party's drafts and party threads, never another party's", async () => {
    const draft = await ok(d66, 'POST', `${DOC}/amendments`, {
      measure: 'm-1-1-1',
      kind: 'replace',
      text: 'We bouwen jaarlijks 120.000 tiny houses.',
      rationale: 'Geheim plan.',
    });
    await ok(d66, 'POST', `${DOC}/comments`, {
      measure: 'm-1-1-2',
      quote: 'optoppen',
      audience: 'party',
      text: 'Onze onderhandelingsruimte is beperkt.',
    });
    const submitted = await ok(cda, 'POST', `${DOC}/amendments`, {
      measure: 'm-2-1-1',
      kind: 'replace',
      text: 'We leggen het stroomnet sneller aan met tiny houses.',
      rationale: 'Openbaar.',
    });
    await ok(cda, 'POST', `${DOC}/amendments/${submitted.id}/submit`);
    await ok(cda, 'POST', `${DOC}/comments`, {
      measure: 'm-1-1-1',
      quote: 'woningen',
      audience: 'everyone',
      text: 'Hoeveel onderhandelingsruimte is er?',
    });

    // D66 finds its own draft (with its measure's number) and the CDA's submitted amendment.
    const mine = await find(d66, 'tiny houses');
    expect(
      mine.hits.map((h: { kind: string; status: string; number: string; party: string }) => [
        h.kind,
        h.status,
        h.party,
        h.number,
      ]),
    ).toEqual([
      ['amendment', 'submitted', 'CDA', '2.1.1'],
      ['amendment', 'draft', 'D66', '1.1.1'],
    ]);
    expect(mine.hits[1]).toMatchObject({ id: draft.id, amendmentNumber: draft.number });
    // So does a D66 reviewer, who reads the party's room.
    expect((await find(d66Reviewer, 'tiny houses')).total).toBe(2);
    // The CDA sees only its own amendment: the D66 draft does not exist for it, neither does D66's party thread.
    const theirs = await find(cda, 'tiny houses');
    expect(theirs.hits.map((h: { party: string }) => h.party)).toEqual(['CDA']);
    expect((await find(cda, 'geheim')).total).toBe(0);
    const room = await find(cda, 'onderhandelingsruimte');
    expect(room.hits.map((h: { kind: string; audience: string }) => [h.kind, h.audience])).toEqual([
      ['thread', 'everyone'],
    ]);
    expect(JSON.stringify(room)).not.toContain('beperkt');
    // D66 finds both threads: its party's and the one for everyone.
    const both = await find(d66, 'onderhandelingsruimte');
    expect(both.hits.map((h: { audience: string; number: string }) => [h.audience, h.number]).sort()).toEqual(
      [
        ['everyone', '1.1.1'],
        ['party', '1.1.2'],
      ],
    );
  });

  it('follows the live text and amendments: a draft typed on, then submitted, is found as it is now', async () => {
    const draft = await ok(d66, 'POST', `${DOC}/amendments`, {
      measure: 'm-1-1-2',
      kind: 'replace',
      text: 'Minder regels voor dakopbouw.',
      rationale: '',
    });
    expect((await find(d66, 'dakopbouw')).total).toBe(1);
    await ok(d66, 'PUT', `${DOC}/amendments/${draft.id}`, { text: 'Geen regels voor dakkapellen.' });
    expect((await find(d66, 'dakopbouw')).total).toBe(0);
    expect((await find(cda, 'dakkapellen')).total).toBe(0);
    await ok(d66, 'POST', `${DOC}/amendments/${draft.id}/submit`);
    expect((await find(cda, 'dakkapellen')).hits[0]).toMatchObject({
      kind: 'amendment',
      status: 'submitted',
      party: 'D66',
    });
  });

  it('refuses a missing or overlong query with a sentence, and strangers with 401', async () => {
    const empty = await server.api(cda.token, 'GET', `${DOC}/search?q=%20`);
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatch(/Geef op waarnaar u zoekt/);
    const long = await server.api(cda.token, 'GET', `${DOC}/search?q=${'a'.repeat(201)}`);
    expect(long.status).toBe(400);
    expect((await server.api(null, 'GET', `${DOC}/search?q=bouwen`)).status).toBe(401);
  });
});

describe('the search core', () => {
  it('folds case and accents without changing lengths', () => {
    for (const text of ['Één reëel ÇA', 'İstanbul', 'naïef 😀 café'])
      expect(fold(text).length).toBe(text.length);
    expect(fold('Één reëel')).toBe('een reeel');
    expect(queryTerms('  Stroom   NET stroom ')).toEqual(['stroom', 'net']);
  });

  it('marks every occurrence of every word, merging overlaps', () => {
    expect(matchesIn('Stroomnet en stroom', ['stroom', 'net'])).toEqual([
      [0, 9],
      [13, 19],
    ]);
  });

  it('cuts snippets at word boundaries and counts hits beyond the limit', () => {
    const text = 'alfa beta gamma delta epsilon zeta eta theta iota kappa lambda acht negen';
    expect(snippetOf(text, text.indexOf('acht'), text.indexOf('acht') + 4).before).toBe(
      '…zeta eta theta iota kappa lambda ',
    );
    const entries = Array.from({ length: 5 }, (_, i) =>
      prepare({ kind: 'measure', id: `m${i}`, number: `1.1.${i + 1}`, text: 'woningen' }),
    );
    const result = search(entries, 'woning', () => null, 3);
    expect([result.total, result.hits.length]).toEqual([5, 3]);
  });
});
