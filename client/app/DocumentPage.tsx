import { Suspense, lazy, useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { EditorState } from 'prosemirror-state';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { addPlugins, createEditor, destroyEditor } from '../editor/createEditor.js';
import { useI18n } from './i18n.js';
import { useRoom, type ConnectionState, type RoomHandle } from './useRoom.js';
import { RoomNotice } from './RoomNotice.js';
import { can, type DraftingMode } from '../../shared/auth/roles.js';
import { roomName } from '../../shared/protocol/rooms.js';
import type { Me } from './session.js';
import { useMeta } from './useMeta.js';
import { outlineOf, type OutlineEntry } from './outline.js';
import { Presence } from './Presence.js';
import { Header } from './Header.js';
import { DocumentContext, type DocumentContextValue } from './documentContext.js';
import type { Feature } from './feature.js';
import { FALLBACK_COLOR } from '../../shared/auth/person.js';
import { useLayout } from './layout/useLayout.js';
import { usePanelWidth } from './layout/panelWidth.js';
import { PanelResizer } from './layout/PanelResizer.js';
import { PanelTabs, tabId, tabPanelId } from './layout/PanelTabs.js';
import { caretInto } from './layout/navigate.js';
import { claimEarlyEditor } from './early.js';

// The outline and the features (panels, tools, editor plugins and the libraries they use) are chunks of their
// own, loaded once the text shows: the agenda appears as soon as its room has synced, not after every panel's
// code has been read.
const Outline = lazy(() => import('./Outline.js').then((m) => ({ default: m.Outline })));
const loadFeatures = () => import('./features.js').then((m) => m.FEATURES);

/** The agenda of one document: header with presence, the outline, and the shared editor. */
export function DocumentPage({ documentId, me }: { documentId: string; me: Me }) {
  const { t } = useI18n();
  const { handle, connection, notice, dismissNotice } = useRoom(documentId);
  const [view, setView] = useState<EditorView | null>(null);
  // The meta room (amendments, positions, threads) is joined once the text shows.
  const { meta, drafting } = useMeta(documentId, me.drafting, view !== null);
  const [editorState, setEditorState] = useState<EditorState | null>(null);
  const [features, setFeatures] = useState<Feature[]>([]);
  const shown = features.filter((f) => f.visible?.(me) ?? true);
  const panels = shown.filter((f) => f.Panel);
  const [panel, setPanel] = useState<string | null>(null);
  // The party's own room (notes, drafts, party threads): one connection, shared by every feature, joined once
  // the text shows (like the meta room), so the text room's first frame never waits behind it.
  const partyRoom = useRoom(
    view !== null ? roomName({ kind: 'party', documentId, party: me.person.party }) : null,
  );
  const party = partyRoom.handle;
  const layout = useLayout();
  const panelWidth = usePanelWidth(me.person.id, layout);
  // Below 1280 px the outline and the side panel slide over the text (sheets below 768 px), one at a time.
  const [outlineOpen, setOutlineOpen] = useState(false);
  const [panelOpen, setPanelOpen] = useState(false);
  const outlineToggle = useRef<HTMLButtonElement>(null);
  const panelToggle = useRef<HTMLButtonElement>(null);
  const outlineClose = useRef<HTMLButtonElement>(null);
  const panelClose = useRef<HTMLButtonElement>(null);
  // An opened drawer or sheet takes the focus (its close button), so the keyboard is where the eye is.
  useEffect(() => {
    if (outlineOpen) outlineClose.current?.focus();
  }, [outlineOpen]);
  useEffect(() => {
    if (panelOpen) panelClose.current?.focus();
  }, [panelOpen]);
  useEffect(() => {
    if (layout === 'wide') {
      setOutlineOpen(false);
      setPanelOpen(false);
    }
  }, [layout]);
  const mayEdit = can(me.person.role, 'text.edit', drafting);
  // Those who may propose get a caret too: in suggesting mode their typing becomes a proposal, and
  // otherwise a hint at the caret says what they can do (nothing is dropped silently).
  const editable = mayEdit || can(me.person.role, 'amendment.propose');
  const mayChangeStructure = can(me.person.role, 'text.structure');
  const mayEditRef = useRef(editable);
  const mayChangeStructureRef = useRef(mayChangeStructure);
  mayChangeStructureRef.current = mayChangeStructure;
  const viewRef = useRef<EditorView | null>(null);
  const mountRef = useRef<HTMLDivElement>(null);
  const [entries, setEntries] = useState<OutlineEntry[]>([]);
  const [title, setTitle] = useState('');
  const synced = connection.kind === 'connected' && connection.synced;
  // Latches at the first complete sync of a room's document (in the same render, not one later): the editor
  // is made once per document and stays through reconnects (a fresh document, after the server refused a
  // change, gets a new editor).
  const syncedHandle = useRef<RoomHandle | null>(null);
  if (synced && handle) syncedHandle.current = handle;
  const firstSynced = handle !== null && syncedHandle.current === handle;
  const [ready, setReady] = useState(false);

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

  // The text may already show, made early (main.tsx): at the first commit its editor moves into its place
  // here, before the browser paints, and follows this page from then on.
  const adopted = useRef<EditorView | null>(null);
  const onChangeRef = useRef<(state: EditorState) => void>(() => {});
  useLayoutEffect(() => {
    const early = claimEarlyEditor(documentId);
    if (!early || !mountRef.current) return;
    mountRef.current.append(early.view.dom);
    early.lend({
      editable: () => mayEditRef.current,
      onChange: (state) => onChangeRef.current(state),
      mayChangeStructure: () => mayChangeStructureRef.current,
    });
    adopted.current = early.view;
  }, [documentId]);

  // Else the editor is made once the first sync is complete, never on an empty document: a client that
  // rendered before the text arrived would write an empty skeleton into the shared document. (An effect,
  // not a layout effect: the page's own renders that follow wait until the text has been painted.)
  useEffect(() => {
    if (!handle || !mountRef.current || !firstSynced) return;
    const fragment = handle.doc.getXmlFragment(TEXT_FRAGMENT);
    if (fragment.length === 0 && !adopted.current) return;
    let frame = 0;
    const follow = (state: EditorState) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        setEntries(outlineOf(state.doc));
        setTitle(state.doc.firstChild?.textContent ?? '');
        setEditorState(state);
      });
    };
    onChangeRef.current = follow;
    const view: EditorView =
      adopted.current ??
      createEditor(mountRef.current, {
        fragment,
        awareness: handle.provider.awareness,
        onChange: (state) => onChangeRef.current(state),
        editable: () => mayEditRef.current,
        mayChangeStructure: () => mayChangeStructureRef.current,
      });
    adopted.current = null;
    viewRef.current = view;
    setView(view);
    follow(view.state);
    setReady(true);
    (window as unknown as { akkoordView?: EditorView }).akkoordView = view;
    return () => {
      cancelAnimationFrame(frame);
      onChangeRef.current = () => {};
      viewRef.current = null;
      setView(null);
      setReady(false);
      destroyEditor(view);
    };
  }, [handle, firstSynced]);

  // Once the text shows: the features, their plugins added to the editor (in the order they are listed).
  useEffect(() => {
    if (!view) return;
    let live = true;
    const add = (loaded: Feature[]) => {
      if (!live || view.isDestroyed) return;
      addPlugins(
        view,
        loaded.flatMap((f) => f.plugins?.() ?? []),
      );
      setFeatures(loaded);
      setPanel((current) => current ?? loaded.find((f) => f.Panel && (f.visible?.(me) ?? true))?.id ?? null);
    };
    // After the frame that shows the text: its first layout is not held up by reading the features' code.
    let frame = requestAnimationFrame(() => {
      frame = 0;
      void loadFeatures().then(add);
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, [view, me]);

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
    // None from the render that brings a fresh document: the features' effects in that render must not
    // dispatch to the editor that its effects are destroying.
    view: firstSynced ? view : null,
    state: editorState,
    openPanel: setPanel,
  };
  // Not ready from the very render that brings a fresh document (after a refused change): the old editor
  // goes in the effects that follow, the new one is made once the fresh copy has synced.
  const shows = ready && firstSynced;
  const Active = panels.find((f) => f.id === panel)?.Panel;
  const activeLabel = panels.find((f) => f.id === panel)?.label;
  const sheets = layout !== 'wide';
  const closeOutline = () => {
    setOutlineOpen(false);
    outlineToggle.current?.focus();
  };
  const closePanel = () => {
    setPanelOpen(false);
    panelToggle.current?.focus();
  };
  // A sheet over the whole screen (< 768 px) is modal: the page behind it takes no focus or clicks.
  const covered = layout === 'narrow' && (outlineOpen || panelOpen);
  return (
    <DocumentContext.Provider value={context}>
      <div className={`document-page layout-${layout}`}>
        <a className="skip-link" href="#text">
          {t('skipToText')}
        </a>
        {shown.map((f) => f.Headless && <f.Headless key={f.id} />)}
        <div className="page-head" inert={covered}>
          <Header
            title={title}
            connection={connection}
            me={me}
            tools={shown.map((f) => f.Header && <f.Header key={f.id} />)}
          >
            {handle && <Presence awareness={handle.provider.awareness} />}
          </Header>
          <ConnectionBanner connection={connection} />
          <RoomNotice notice={notice} onDismiss={dismissNotice} />
          <RoomNotice notice={partyRoom.notice} onDismiss={partyRoom.dismissNotice} />
        </div>
        <div
          className={panels.length || features.length === 0 ? 'workspace with-panel' : 'workspace'}
          style={{ '--panel-w': `${panelWidth.width}px` } as CSSProperties}
        >
          <div
            id="outline-drawer"
            className={`outline-holder${outlineOpen ? ' open' : ''}`}
            inert={sheets && !outlineOpen}
            role={sheets ? 'dialog' : undefined}
            aria-label={sheets ? t('layoutOutline') : undefined}
            aria-modal={layout === 'narrow' ? true : undefined}
            onKeyDown={(e) => sheets && e.key === 'Escape' && closeOutline()}
            onClick={(e) => {
              const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[href^="#"]');
              if (!link) return;
              if (view) caretInto(view, decodeURIComponent(link.hash.slice(1)));
              if (sheets) setOutlineOpen(false);
            }}
          >
            {sheets && (
              <button type="button" className="sheet-close" ref={outlineClose} onClick={closeOutline}>
                {t('layoutClose')}
              </button>
            )}
            <Suspense fallback={null}>{features.length > 0 && <Outline entries={entries} />}</Suspense>
          </div>
          <div className="centre" inert={covered}>
            <div className="sticky-head">
              <ModeBanner me={me} drafting={drafting} />
              <div className="toolbar">
                {sheets && (
                  <button
                    type="button"
                    className="layout-toggle outline-toggle"
                    ref={outlineToggle}
                    aria-controls="outline-drawer"
                    aria-expanded={outlineOpen}
                    onClick={() => (setPanelOpen(false), setOutlineOpen(!outlineOpen))}
                  >
                    ☰ {t('layoutOutline')}
                  </button>
                )}
                {shown.map((f) => f.Toolbar && <f.Toolbar key={f.id} />)}
                {sheets && panels.length > 0 && (
                  <button
                    type="button"
                    className="layout-toggle panel-toggle"
                    ref={panelToggle}
                    aria-controls="side-panel"
                    aria-expanded={panelOpen}
                    onClick={() => (setOutlineOpen(false), setPanelOpen(!panelOpen))}
                  >
                    {t('layoutPanel')} ▸
                  </button>
                )}
              </div>
            </div>
            <main className="paper" id="text" tabIndex={-1}>
              {!shows && connection.kind !== 'disconnected' && <p className="loading">{t('loading')}</p>}
              <div ref={mountRef} className="editor-mount" data-ready={shows} />
            </main>
          </div>
          {sheets && (outlineOpen || panelOpen) && (
            <div
              className="scrim"
              aria-hidden="true"
              onClick={() => (outlineOpen ? closeOutline() : closePanel())}
            />
          )}
          {panels.length > 0 && (
            <aside
              id="side-panel"
              className={`side-panel${panelOpen ? ' open' : ''}`}
              inert={sheets && !panelOpen}
              role={sheets ? 'dialog' : undefined}
              aria-modal={layout === 'narrow' ? true : undefined}
              aria-label={t('layoutSidePanelLabel', { tab: activeLabel ? t(activeLabel) : '' })}
              onKeyDown={(e) => sheets && e.key === 'Escape' && closePanel()}
            >
              {layout !== 'narrow' && (
                <PanelResizer
                  width={panelWidth.width}
                  max={panelWidth.max}
                  controls="side-panel"
                  onResize={panelWidth.setWidth}
                />
              )}
              <div className="panel-head">
                <PanelTabs
                  tabs={panels.map((f) => ({ id: f.id, label: f.label ? t(f.label) : f.id }))}
                  active={panel}
                  label={t('layoutPanel')}
                  onChoose={setPanel}
                />
                {sheets && (
                  <button type="button" className="sheet-close" ref={panelClose} onClick={closePanel}>
                    {t('layoutClose')}
                  </button>
                )}
              </div>
              {panel && (
                <div
                  className="panel-body"
                  role="tabpanel"
                  id={tabPanelId(panel)}
                  aria-labelledby={tabId(panel)}
                  tabIndex={0}
                >
                  {Active && <Active />}
                </div>
              )}
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
