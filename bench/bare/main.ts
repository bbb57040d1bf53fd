/**
 * The yardstick of bench/editor-load.ts: a bare ProseMirror + y-prosemirror page that shows the same agenda
 * from the same server room (the same schema, the stock y-websocket client, the session cookie), with
 * nothing else — no React, no features. The document id is the page's hash (`/bare/index.html#d66-cda`).
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ySyncPlugin, yCursorPlugin, initProseMirrorDoc } from 'y-prosemirror';
import { schema } from '../../shared/schema/schema.js';
import { SYNC_PATH, TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import 'prosemirror-view/style/prosemirror.css';

const documentId = decodeURIComponent(location.hash.slice(1));
const doc = new Y.Doc();
const provider = new WebsocketProvider(`ws://${location.host}${SYNC_PATH}`, documentId, doc);
provider.once('sync', () => {
  const fragment = doc.getXmlFragment(TEXT_FRAGMENT);
  const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, schema);
  new EditorView(document.getElementById('editor')!, {
    state: EditorState.create({
      schema,
      doc: pmDoc,
      plugins: [ySyncPlugin(fragment, { mapping }), yCursorPlugin(provider.awareness)],
    }),
    editable: () => false,
    attributes: { class: 'agenda' },
  });
});
