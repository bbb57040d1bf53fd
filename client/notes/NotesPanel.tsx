import { useEffect, useRef, useState } from 'react';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { useRoom } from '../app/useRoom.js';
import { roomName } from '../../shared/protocol/rooms.js';
import { applyTextareaValue } from './textBinding.js';
import { can } from '../../shared/auth/roles.js';

/**
 * The party's private notes: one shared text in the party's own room, which no other party's connection can
 * open. The delegation types in it together, live.
 */
export function NotesPanel() {
  const { t } = useI18n();
  const { documentId, me } = useDocument();
  const { handle } = useRoom(roomName({ kind: 'party', documentId, party: me.person.party }));
  const [value, setValue] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const mayWrite = can(me.person.role, 'notes.write');

  useEffect(() => {
    if (!handle) return;
    const ytext = handle.doc.getText('notes');
    const update = () => {
      const el = area.current;
      const next = ytext.toString();
      // Keep the caret where it was when someone else's typing arrives.
      const caret = el && document.activeElement === el ? [el.selectionStart, el.selectionEnd] : null;
      setValue(next);
      if (caret && el) requestAnimationFrame(() => el.setSelectionRange(caret[0]!, caret[1]!));
    };
    update();
    ytext.observe(update);
    return () => ytext.unobserve(update);
  }, [handle]);

  return (
    <div className="notes">
      <p className="muted">{t('notesIntro', { party: me.party?.name ?? me.person.party })}</p>
      {!mayWrite && <p className="muted">{t('notesReadOnly')}</p>}
      <textarea
        ref={area}
        className="notes-text"
        value={value}
        readOnly={!mayWrite}
        placeholder={t('notesPlaceholder')}
        aria-label={t('notesTab')}
        onChange={(e) => {
          setValue(e.target.value);
          if (handle) applyTextareaValue(handle.doc.getText('notes'), e.target.value);
        }}
      />
    </div>
  );
}
