import { useEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { EditorState } from 'prosemirror-state';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { createEditor } from '../editor/createEditor.js';
import { useI18n } from './i18n.js';
import { useRoom, type ConnectionState, type RoomHandle } from './useRoom.js';
import { RoomNotice } from './RoomNotice.js';
import { can, type DraftingMode } from '../../shared/auth/roles.js';
import { roomName } from '../../shared/protocol/rooms.js';
import type { Me } from './session.js';
import { useMeta } from './useMeta.js';
import { outlineOf, type OutlineEntry } from './outline.js';
import { Outline } from './Outline.js';
import { Presence } from './Presence.js';
import { Header } from './Header.js';
import { DocumentContext, type DocumentContextValue } from './documentContext.js';
import { FEATURES } from './features.js';
import { FALLBACK_COLOR } from '../../shared/auth/person.js';

/** The agenda of one document: header with presence, the outline, and the shared editor. */
export function DocumentPage({ documentId, me }: { documentId: string; me: Me }) {
  const { t } = useI18n();
  const { handle, connection, notice, dismissNotice } = useRoom(documentId);
  const { meta, drafting } = useMeta(documentId, me.drafting);
  const [view, setView] = useState<EditorView | null>(null);
  const [editorState, setEditorState] = useState<EditorState | null>(null);
  const panels = FEATURES.filter((f) => f.Panel && (f.visible?.(me) ?? true));
  const [panel, setPanel] = useState<string | null>(panels[0]?.id ?? null);
  const partyRoom = useRoom(roomName({ kind: 'party', documentId, party: me.person.party }));
  const party = partyRoom.handle;
  const mayEdit = can(me.person.role, 'text.edit', drafting);
  // Those who may propose get a caret too: in suggesting mode their typing becomes a proposal, and
  // otherwise a hint at the caret says what they can do (nothing is dropped silently).
  const editable = mayEdit || can(me.person.role, 'amendment.propose');
  const mayChangeStructure = can(me.person.role, 'text.structure');
  const mayEditRef = useRef(editable);
  const viewRef = useRef<EditorView | null>(null);
  const mountRef = useRef<HTMLDivElement>(null);
  const [entries, setEntries] = useState<OutlineEntry[]>([]);
  const [title, setTitle] = useState('');
  const synced = connection.kind === 'connected' && connection.synced;
  // Latches at the first complete sync of a room's document: the editor is made once per document and stays
  // through reconnects (a fresh document, after the server refused a change, gets a new editor).
  const [syncedHandle, setSyncedHandle] = useState<RoomHandle | null>(null);
  const firstSynced = handle !== null && syncedHandle === handle;
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (synced && handle) setSyncedHandle(handle);
  }, [synced, handle]);

  // The server stamps every awareness state with the real name, party and colour; this is only the
  // browser's own view of itself until the stamped state comes back.
  useEffect(() => {
    handle?.provider.awareness.setLocalStateField('user', {
      name: me.person.name,
      party: me.person.party,
      color: me.party?.color ?? FALLBACK_COLOR,
      role: me.person.role,
    });
  }, [handle, me]);

  // Drafting opens and closes live; the editor follows (the server refuses writes either way).
  useEffect(() => {
    mayEditRef.current = editable;
    viewRef.current?.setProps({});
  }, [editable]);

  // The editor is mounted once the first sync is complete, never on an empty document: a client that
  // rendered before the text arrived would write an empty skeleton into the shared document.
  useEffect(() => {
    if (!handle || !mountRef.current || !firstSynced) return;
    const fragment = handle.doc.getXmlFragment(TEXT_FRAGMENT);
    if (fragment.length === 0) return;
    let frame = 0;
    const follow = (state: EditorState) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        setEntries(outlineOf(state.doc));
        setTitle(state.doc.firstChild?.textContent ?? '');
        setEditorState(state);
      });
    };
    const view: EditorView = createEditor(mountRef.current, {
      fragment,
      awareness: handle.provider.awareness,
      onChange: follow,
      editable: () => mayEditRef.current,
      mayChangeStructure: () => mayChangeStructure,
      plugins: FEATURES.flatMap((f) => f.plugins?.() ?? []),
    });
    viewRef.current = view;
    setView(view);
    follow(view.state);
    setReady(true);
    (window as unknown as { akkoordView?: EditorView }).akkoordView = view;
    return () => {
      cancelAnimationFrame(frame);
      viewRef.current = null;
      setView(null);
      setReady(false);
      view.destroy();
    };
  }, [handle, firstSynced, mayChangeStructure]);

  useEffect(() => {
    document.title = title ? `${title} — Akkoord` : 'Akkoord';
  }, [title]);

  const context: DocumentContextValue = {
    documentId,
    me,
    drafting,
    text: handle,
    meta,
    party,
    view,
    state: editorState,
    openPanel: setPanel,
  };
  const Active = panels.find((f) => f.id === panel)?.Panel;
  return (
    <DocumentContext.Provider value={context}>
      <div className="document-page">
        <Header title={title} connection={connection} me={me}>
          {handle && <Presence awareness={handle.provider.awareness} />}
        </Header>
        <ConnectionBanner connection={connection} />
        <RoomNotice notice={notice} onDismiss={dismissNotice} />
        <RoomNotice notice={partyRoom.notice} onDismiss={partyRoom.dismissNotice} />
        <div className={panels.length ? 'workspace with-panel' : 'workspace'}>
          <Outline entries={entries} />
          <div className="centre">
            <div className="sticky-head">
              <ModeBanner me={me} drafting={drafting} />
              <div className="toolbar">
                {FEATURES.filter((f) => f.visible?.(me) ?? true).map(
                  (f) => f.Toolbar && <f.Toolbar key={f.id} />,
                )}
              </div>
            </div>
            <main className="paper">
              {!ready && connection.kind !== 'disconnected' && <p className="loading">{t('loading')}</p>}
              <div ref={mountRef} className="editor-mount" data-ready={ready} />
            </main>
          </div>
          {panels.length > 0 && (
            <aside className="side-panel">
              <div className="tabs" role="tablist">
                {panels.map((f) => (
                  <button key={f.id} role="tab" aria-selected={f.id === panel} onClick={() => setPanel(f.id)}>
                    {f.label ? t(f.label) : f.id}
                  </button>
                ))}
              </div>
              <div className="panel-body">{Active && <Active />}</div>
            </aside>
          )}
        </div>
      </div>
    </DocumentContext.Provider>
  );
}

/**
 * What the person may do with the text, kept in view above the toolbar and changing live when the chair
 * opens or closes drafting: read only, propose (negotiators while drafting is closed), or edit directly.
 */
function ModeBanner({ me, drafting }: { me: Me; drafting: DraftingMode }) {
  const { t } = useI18n();
  const role = me.person.role;
  if (can(role, 'text.edit', drafting))
    return drafting === 'open' ? (
      <div className="notice drafting" role="status">
        {role === 'negotiator' ? t('bannerOpenNegotiator') : t('draftingOpen')}
      </div>
    ) : null;
  return (
    <div className="notice read-only" role="status">
      {can(role, 'amendment.propose') ? (
        t('bannerClosedNegotiator')
      ) : (
        <>
          <strong>{t('readOnly')}</strong> — {t('readOnlyReason', { role: t(`role_${role}`) })}
        </>
      )}
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
