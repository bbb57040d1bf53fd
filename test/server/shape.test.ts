import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importAgenda } from '../../server/documents/import.js';
import { CloseCode, TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';
import { allIds, attacker, elementById } from '../helpers/attack.js';
import { step1Message } from '../helpers/raw.js';

/**
 * Crafted updates to the text room, sent as a modified client would (a Y.Doc with the room's state, changed
 * at will, the update sent raw): each is refused before it is applied — the writer's connection closes with
 * a reason, nothing is stored, and no other client ever receives it, which a watcher shows by receiving a
 * marker written after the refused update.
 */
const seed = (store: Parameters<typeof importAgenda>[0]) =>
  importAgenda(store, {
    id: 'test',
    agenda: agenda({ WONEN: { Vandaag: ['Meer bouwen.', 'Minder regels.'] }, ZORG: { Morgen: ['Beter.'] } }),
  });

let server: TestServer;
let chair = '';
let negotiator = '';
let markers = 0;
const open: { provider: { destroy(): void } }[] = [];

beforeEach(async () => {
  server = await startTestServer({ seed });
  chair = (await server.invite({ party: 'SEC', role: 'chair' })).token;
  negotiator = (await server.invite({ party: 'CDA', role: 'negotiator' })).token;
  const res = await server.api(chair, 'PUT', '/api/documents/test/drafting', { mode: 'open' });
  expect(res.status).toBe(200);
});
afterEach(async () => {
  for (const c of open.splice(0)) c.provider.destroy();
  await server?.stop();
});

function honest(token = chair) {
  const c = connectClient(server.wsUrl, 'test', { token });
  open.push(c);
  return c;
}

/**
 * Sends `change` from an attacker with `token`, and checks it was refused as a modified client's update
 * must be: closed with `code`, nothing stored, and a watcher that received a later marker never saw it.
 */
async function refused(token: string, change: (doc: Y.Doc) => void, code: number = CloseCode.refused) {
  const watcher = honest();
  const marker = honest();
  await Promise.all([synced(watcher.provider), synced(marker.provider)]);
  const before = Y.encodeStateAsUpdate(watcher.doc);
  const stored = await server.store.countUpdates('test');
  const evil = await attacker(server.wsUrl, 'test', token);
  evil.send(change);
  const closed = await evil.raw.closed;
  expect(closed.code).toBe(code);
  expect(closed.reason.length).toBeGreaterThan(0);
  expect(await server.store.countUpdates('test')).toBe(stored);
  // A marker written after the refused update reaches the watcher; the refused one never did.
  const mark = `merkteken ${++markers} `;
  measureText(marker.fragment, 'm-2-1-1').insert(0, mark);
  await eventually(() => measureText(watcher.fragment, 'm-2-1-1').toString().startsWith(mark));
  const expected = new Y.Doc();
  Y.applyUpdate(expected, before);
  measureText(expected.getXmlFragment(TEXT_FRAGMENT), 'm-2-1-1').insert(0, mark);
  expect(watcher.fragment.toJSON()).toBe(expected.getXmlFragment(TEXT_FRAGMENT).toJSON());
  expect(server.app.ctx.rooms.peek('test')!.doc.getXmlFragment(TEXT_FRAGMENT).toJSON()).toBe(
    watcher.fragment.toJSON(),
  );
  return closed;
}

const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment(TEXT_FRAGMENT);
const measure = (doc: Y.Doc, id: string) => elementById(fragmentOf(doc), id)!;
const section = (doc: Y.Doc, id: string) => elementById(fragmentOf(doc), id)!;

function newMeasure(attrs: Record<string, string>, text = 'Nieuw.'): Y.XmlElement {
  const element = new Y.XmlElement('measure');
  for (const [k, v] of Object.entries(attrs)) element.setAttribute(k, v);
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

describe('what a negotiator may write during open drafting', () => {
  it('refuses wiping the whole agenda', async () => {
    await refused(negotiator, (doc) => fragmentOf(doc).delete(0, fragmentOf(doc).length));
  });

  it('refuses deleting a measure', async () => {
    await refused(negotiator, (doc) => {
      const s = section(doc, 's-1-1');
      s.delete(s.toArray().indexOf(measure(doc, 'm-1-1-2')), 1);
    });
  });

  it('refuses adding a measure, even a well-formed one', async () => {
    await refused(negotiator, (doc) =>
      section(doc, 's-1-1').push([newMeasure({ id: 'm-nieuw01', number: '' })]),
    );
  });

  it('refuses changing a title or an attribute', async () => {
    await refused(negotiator, (doc) => {
      const title = fragmentOf(doc).get(0) as Y.XmlElement;
      (title.get(0) as Y.XmlText).insert(0, 'Gekaapt: ');
    });
    await refused(negotiator, (doc) =>
      section(doc, 's-1-1').setAttribute('runIn', true as unknown as string),
    );
  });

  it('accepts words typed in a measure, and the chair sees them', async () => {
    const watcher = honest();
    await synced(watcher.provider);
    const writer = honest(negotiator);
    await synced(writer.provider);
    measureText(writer.fragment, 'm-1-1-1').insert(0, 'Veel ');
    measureText(writer.fragment, 'm-1-1-1').delete(5, 5);
    await eventually(() => measureText(watcher.fragment, 'm-1-1-1').toString() === 'Veel bouwen.');
  });
});

describe('what even the chair may not write', () => {
  it("refuses changing a measure's id", async () => {
    await refused(chair, (doc) => measure(doc, 'm-1-1-1').setAttribute('id', 'm-9-9-9'));
  });

  it('refuses an id that could break out of an attribute', async () => {
    await refused(chair, (doc) =>
      section(doc, 's-1-1').push([newMeasure({ id: '" onmouseover="window.__xss=1', number: '' })]),
    );
  });

  it('refuses a duplicate id', async () => {
    await refused(chair, (doc) => section(doc, 's-1-1').push([newMeasure({ id: 'm-1-1-1', number: '' })]));
  });

  it('refuses a new measure without an id', async () => {
    await refused(chair, (doc) => section(doc, 's-1-1').push([newMeasure({ number: '' })]));
  });

  it('refuses a number chosen by the client, on a new measure or an existing one', async () => {
    await refused(chair, (doc) =>
      section(doc, 's-1-1').push([newMeasure({ id: 'm-nieuw02', number: '1.1.3' })]),
    );
    await refused(chair, (doc) => measure(doc, 'm-1-1-2').setAttribute('number', '1.1.1'));
  });

  it('refuses unknown nodes: a script, an image with onerror', async () => {
    await refused(chair, (doc) => {
      const script = new Y.XmlElement('script');
      script.insert(0, [new Y.XmlText('window.__xss = 1')]);
      section(doc, 's-1-1').push([script]);
    });
    await refused(chair, (doc) => {
      const img = new Y.XmlElement('img');
      img.setAttribute('onerror', 'window.__xss = 1');
      measure(doc, 'm-1-1-1').push([img]);
    });
  });

  it('refuses a node in the wrong place: a measure at the root, text in a section, a chapter in a measure', async () => {
    await refused(chair, (doc) => fragmentOf(doc).push([newMeasure({ id: 'm-los', number: '' })]));
    await refused(chair, (doc) => section(doc, 's-1-1').push([new Y.XmlText('los')]));
    await refused(chair, (doc) => {
      const chapter = new Y.XmlElement('chapter');
      chapter.setAttribute('id', 'c-binnen');
      measure(doc, 'm-1-1-1').push([chapter]);
    });
  });

  it("refuses breaking the agenda's own order: a second title, a chapter first, the title removed", async () => {
    await refused(chair, (doc) => {
      const title = new Y.XmlElement('title');
      title.insert(0, [new Y.XmlText('Tweede titel')]);
      fragmentOf(doc).insert(2, [title]);
    });
    await refused(chair, (doc) => {
      const chapter = new Y.XmlElement('chapter');
      chapter.setAttribute('id', 'c-eerst');
      const title = new Y.XmlElement('chapter_title');
      title.insert(0, [new Y.XmlText('Eerst')]);
      chapter.insert(0, [title]);
      fragmentOf(doc).insert(0, [chapter]);
    });
    await refused(chair, (doc) => fragmentOf(doc).delete(0, 1));
    await refused(chair, (doc) => section(doc, 's-1-1').delete(0, 1));
  });

  it('refuses an attribute the schema does not have, and a mark a title may not carry', async () => {
    await refused(chair, (doc) => measure(doc, 'm-1-1-1').setAttribute('onclick', 'x'));
    await refused(chair, (doc) => {
      const title = fragmentOf(doc).get(0) as Y.XmlElement;
      (title.get(0) as Y.XmlText).format(0, 3, { strong: {} });
    });
  });

  it('refuses another root type in the text room', async () => {
    await refused(chair, (doc) => doc.getMap('bench').set('x', 1));
  });

  it('accepts a well-formed new measure and a removal, and keeps every id unique', async () => {
    const watcher = honest();
    await synced(watcher.provider);
    const writer = honest();
    await synced(writer.provider);
    const s = section(writer.doc, 's-1-1');
    s.push([newMeasure({ id: 'm-nieuw03', number: '' }, 'Derde.')]);
    s.delete(s.toArray().indexOf(measure(writer.doc, 'm-1-1-2')), 1);
    await eventually(() => elementById(watcher.fragment, 'm-nieuw03') !== null);
    await eventually(() => elementById(watcher.fragment, 'm-1-1-2') === null);
    const ids = allIds(watcher.fragment);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('restoring a removed measure (as undo does)', () => {
  it('accepts exactly the number the server gave it, also after a restart, and no other', async () => {
    const writer = honest();
    await synced(writer.provider);
    const s = section(writer.doc, 's-1-1');
    s.delete(s.toArray().indexOf(measure(writer.doc, 'm-1-1-2')), 1);
    await eventually(
      () =>
        server.app.ctx.rooms.peek('test')?.doc.getXmlFragment(TEXT_FRAGMENT).toString().includes('Minder') ===
        false,
    );
    writer.provider.destroy();
    server = await server.restart();
    chair = (await server.invite({ party: 'SEC', role: 'chair' })).token;
    await refused(chair, (doc) =>
      section(doc, 's-1-1').push([newMeasure({ id: 'm-1-1-2', number: '1.1.9' })]),
    );
    const back = await attacker(server.wsUrl, 'test', chair);
    back.send((doc) =>
      section(doc, 's-1-1').push([newMeasure({ id: 'm-1-1-2', number: '1.1.2' }, 'Minder regels.')]),
    );
    // Accepted: the server answers a later sync step 1 instead of closing.
    const answered = back.raw.received.length;
    back.raw.send(step1Message(new Y.Doc()));
    await eventually(() => back.raw.received.length > answered);
    const measures = await server.api(chair, 'GET', '/api/documents/test/measures');
    expect(measures.body.find((m: { id: string }) => m.id === 'm-1-1-2')).toMatchObject({ number: '1.1.2' });
    back.raw.ws.close();
  });
});

describe('Yjs client ids', () => {
  it("refuses an update written with another person's client id, and it never reaches anyone", async () => {
    const owner = honest();
    await synced(owner.provider);
    measureText(owner.fragment, 'm-1-1-1').insert(0, 'Van mij: ');
    await eventually(async () => (await server.store.countUpdates('test')) >= 2);
    const evil = await attacker(server.wsUrl, 'test', negotiator, owner.doc.clientID);
    await eventually(() => evil.doc.getXmlFragment(TEXT_FRAGMENT).toString().includes('Van mij: '));
    evil.raw.ws.close();
    await refused(
      negotiator,
      (doc) => {
        doc.clientID = owner.doc.clientID;
        measureText(doc.getXmlFragment(TEXT_FRAGMENT), 'm-1-1-2').insert(0, 'Namens een ander: ');
      },
      CloseCode.clientIdTaken,
    );
  });

  it('claims a client id as soon as its awareness shows it, before its owner writes', async () => {
    const reader = honest();
    await synced(reader.provider);
    reader.provider.awareness.setLocalStateField('cursor', null); // as the editor does once it shows
    // The reader's awareness announced its client id; nobody else may now write with it.
    await eventually(() => server.app.ctx.rooms.claims.ownerOf('test', reader.doc.clientID) !== undefined);
    await refused(
      negotiator,
      (doc) => {
        doc.clientID = reader.doc.clientID;
        measureText(doc.getXmlFragment(TEXT_FRAGMENT), 'm-1-1-2').insert(0, 'Vooruit: ');
      },
      CloseCode.clientIdTaken,
    );
  });

  it("claims the server's own client ids, so no connection can write with them", async () => {
    const room = await server.app.ctx.rooms.open('test');
    try {
      const serverId = room.doc.clientID;
      room.doc.transact(
        () => measureText(room.doc.getXmlFragment(TEXT_FRAGMENT), 'm-1-1-1').insert(0, 'Server: '),
        { serverWrite: true, personId: null, onBehalfOf: null },
      );
      expect(server.app.ctx.rooms.claims.ownerOf('test', serverId)).toBeNull();
      await refused(
        chair,
        (doc) => {
          doc.clientID = serverId;
          measureText(doc.getXmlFragment(TEXT_FRAGMENT), 'm-1-1-2').insert(0, 'Als de server: ');
        },
        CloseCode.clientIdTaken,
      );
    } finally {
      await server.app.ctx.rooms.release(room);
    }
  });
});
