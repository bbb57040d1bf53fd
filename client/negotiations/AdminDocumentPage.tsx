import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { createEditor } from '../editor/createEditor.js';
import { useI18n } from '../app/i18n.js';
import { useRoom } from '../app/useRoom.js';
import { Header } from '../app/Header.js';
import { Presence } from '../app/Presence.js';
import { jumpTo } from '../app/Outline.js';
import { outlineOf, type OutlineEntry } from '../app/outline.js';
import type { AdminMe } from '../app/session.js';
import { dropEarlyEditor } from '../app/early.js';

/**
 * A negotiation as its administrator sees it: the agenda text, live and read-only, with its chapters and
 * sections to jump to. Only the text room: the server lets an administrator into no meta or party room.
 */
export function AdminDocumentPage({ documentId, me }: { documentId: string; me: AdminMe }) {
  const { t } = useI18n();
  const { handle, connection } = useRoom(documentId);
  // The text shown early (before React) was made for a person's page; this page makes its own view.
  useLayoutEffect(() => dropEarlyEditor(documentId), [documentId]);
  const mountRef = useRef<HTMLDivElement>(null);
  const [entries, setEntries] = useState<OutlineEntry[]>([]);
  const [title, setTitle] = useState('');
  const [ready, setReady] = useState(false);
  const synced = connection.kind === 'connected' && connection.synced;
  const [firstSynced, setFirstSynced] = useState(false);
  useEffect(() => {
    if (synced) setFirstSynced(true);
  }, [synced]);

  // As on the document page: the editor is made once the text has arrived, never on an empty document.
  useEffect(() => {
    if (!handle || !mountRef.current || !firstSynced) return;
    const fragment = handle.doc.getXmlFragment(TEXT_FRAGMENT);
    if (fragment.length === 0) return;
    let frame = 0;
    const view: EditorView = createEditor(mountRef.current, {
      fragment,
      awareness: handle.provider.awareness,
      editable: () => false,
      onChange: (state) => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => {
          setEntries(outlineOf(state.doc).filter((e) => e.level !== 'measure'));
          setTitle(state.doc.firstChild?.textContent ?? '');
        });
      },
    });
    setEntries(outlineOf(view.state.doc).filter((e) => e.level !== 'measure'));
    setTitle(view.state.doc.firstChild?.textContent ?? '');
    setReady(true);
    return () => {
      cancelAnimationFrame(frame);
      view.destroy();
    };
  }, [handle, firstSynced]);

  useEffect(() => {
    document.title = title ? `${title} — Akkoord` : 'Akkoord';
  }, [title]);

  return (
    <div className="document-page">
      <Header title={title} connection={connection} me={me}>
        {handle && <Presence awareness={handle.provider.awareness} />}
      </Header>
      <div className="notice read-only" role="note">
        <strong>{t('readOnly')}</strong> — {t('adminReadOnly')}
      </div>
      <div className="workspace">
        <nav className="outline" aria-label={t('outline')}>
          <h2>{t('outline')}</h2>
          <ol>
            {entries.map((entry) => (
              <li key={entry.id} className={`outline-${entry.level}`}>
                <a href={`#${entry.id}`} onClick={(e) => (e.preventDefault(), jumpTo(entry.id))}>
                  <span className="num">{entry.number}</span> {entry.label}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <div className="centre">
          <main className="paper">
            {!ready && connection.kind !== 'disconnected' && <p className="loading">{t('loading')}</p>}
            <div ref={mountRef} className="editor-mount" data-ready={ready} />
          </main>
        </div>
      </div>
    </div>
  );
}
