import { useEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { EditorState } from 'prosemirror-state';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { createEditor } from '../editor/createEditor.js';
import { useI18n } from './i18n.js';
import { useRoom, type ConnectionState } from './useRoom.js';
import { loadUser, saveUser, type LocalUser } from './identity.js';
import { outlineOf, type OutlineEntry } from './outline.js';
import { Outline } from './Outline.js';
import { Presence } from './Presence.js';
import { Header } from './Header.js';

/** The agenda of one document: header with presence, the outline, and the shared editor. */
export function DocumentPage({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const { handle, connection } = useRoom(documentId);
  const mountRef = useRef<HTMLDivElement>(null);
  const [user, setUser] = useState<LocalUser>(loadUser);
  const [entries, setEntries] = useState<OutlineEntry[]>([]);
  const [title, setTitle] = useState('');
  const synced = connection.kind === 'connected' && connection.synced;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    handle?.provider.awareness.setLocalStateField('user', user);
  }, [handle, user]);

  // The editor is mounted once the first sync is complete, never on an empty document: a client that
  // rendered before the text arrived would write an empty skeleton into the shared document.
  useEffect(() => {
    if (!handle || !mountRef.current || (!synced && !ready)) return;
    const fragment = handle.doc.getXmlFragment(TEXT_FRAGMENT);
    if (fragment.length === 0) return;
    let frame = 0;
    const follow = (state: EditorState) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        setEntries(outlineOf(state.doc));
        setTitle(state.doc.firstChild?.textContent ?? '');
      });
    };
    const view: EditorView = createEditor(mountRef.current, {
      fragment,
      awareness: handle.provider.awareness,
      onChange: follow,
    });
    follow(view.state);
    setReady(true);
    (window as unknown as { akkoordView?: EditorView }).akkoordView = view;
    return () => {
      cancelAnimationFrame(frame);
      view.destroy();
    };
    // `ready` is left out on purpose: once mounted, the editor stays through reconnects.
  }, [handle, synced]);

  useEffect(() => {
    document.title = title ? `${title} — Akkoord` : 'Akkoord';
  }, [title]);

  return (
    <div className="document-page">
      <Header
        title={title}
        connection={connection}
        user={user}
        onRename={(name) => {
          const next = { ...user, name };
          saveUser(next);
          setUser(next);
        }}
      >
        {handle && <Presence awareness={handle.provider.awareness} />}
      </Header>
      <ConnectionBanner connection={connection} />
      <div className="workspace">
        <Outline entries={entries} />
        <main className="paper">
          {!ready && connection.kind !== 'disconnected' && <p className="loading">{t('loading')}</p>}
          <div ref={mountRef} className="editor-mount" data-ready={ready} />
        </main>
      </div>
    </div>
  );
}

function ConnectionBanner({ connection }: { connection: ConnectionState }) {
  const { t } = useI18n();
  if (connection.kind !== 'disconnected') return null;
  return (
    <div className="banner" role="status">
      {connection.reason ? t(connection.reason) : t('disconnected')}
    </div>
  );
}
