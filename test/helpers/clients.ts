import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';

/** A stock y-websocket client in Node, as any Yjs application would connect. */
export function connectClient(wsUrl: string, room: string, params: Record<string, string> = {}) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
  });
  return { doc, provider, fragment: doc.getXmlFragment(TEXT_FRAGMENT) };
}

/** Resolves once the provider has synced with the server. */
export function synced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/** Polls until `check` holds (no timing assertion: the test's own timeout is the limit). */
export async function eventually(check: () => boolean | Promise<boolean>, intervalMs = 20): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, intervalMs));
}

/** The Y.XmlElement of a measure by its id attribute, searched depth-first. */
export function findMeasure(fragment: Y.XmlFragment | Y.XmlElement, id: string): Y.XmlElement | null {
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'measure' && child.getAttribute('id') === id) return child;
      const found = findMeasure(child, id);
      if (found) return found;
    }
  }
  return null;
}

/** The Y.XmlText inside a measure element (y-prosemirror keeps a textblock's text in one XmlText). */
export function measureText(fragment: Y.XmlFragment, id: string): Y.XmlText {
  const measure = findMeasure(fragment, id);
  const text = measure?.toArray().find((c) => c instanceof Y.XmlText);
  if (!(text instanceof Y.XmlText)) throw new RangeError(`Measure ${id} has no text`);
  return text;
}

/** The text of the first measure of the agenda in a client's document. */
export function firstMeasure(fragment: Y.XmlFragment): Y.XmlText {
  const stack: (Y.XmlFragment | Y.XmlElement)[] = [fragment];
  while (stack.length) {
    const node = stack.shift()!;
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement && child.nodeName === 'measure') return child.get(0) as Y.XmlText;
      if (child instanceof Y.XmlElement) stack.push(child);
    }
  }
  throw new Error('no measure');
}
