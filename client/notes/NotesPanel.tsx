import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { useRoom } from '../app/useRoom.js';
import { roomName } from '../../shared/protocol/rooms.js';
import { BoundTextarea } from '../app/BoundTextarea.js';
import { RoomNotice } from '../app/RoomNotice.js';
import { can } from '../../shared/auth/roles.js';

/**
 * The party's private notes: one shared text in the party's own room, which no other party's connection can
 * open. The delegation types in it together, live.
 */
export function NotesPanel() {
  const { t } = useI18n();
  const { documentId, me } = useDocument();
  const { handle, notice, dismissNotice } = useRoom(
    roomName({ kind: 'party', documentId, party: me.person.party }),
  );
  const mayWrite = can(me.person.role, 'notes.write');
  return (
    <div className="notes">
      <p className="muted">{t('notesIntro', { party: me.party?.name ?? me.person.party })}</p>
      {!mayWrite && <p className="muted">{t('notesReadOnly')}</p>}
      <RoomNotice notice={notice} onDismiss={dismissNotice} />
      {handle && (
        <BoundTextarea
          ytext={handle.doc.getText('notes')}
          label={t('notesTab')}
          className="notes-text"
          readOnly={!mayWrite}
          placeholder={t('notesPlaceholder')}
        />
      )}
    </div>
  );
}
