import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { BoundTextarea } from '../app/BoundTextarea.js';
import { can } from '../../shared/auth/roles.js';

/**
 * The party's private notes: one shared text in the party's own room, which no other party's connection can
 * open. The delegation types in it together, live.
 */
export function NotesPanel() {
  const { t } = useI18n();
  // The page's one connection to the party room (its notice, after a refused change, shows at the top).
  const { me, party: handle } = useDocument();
  const mayWrite = can(me.person.role, 'notes.write');
  return (
    <div className="notes">
      <p className="muted">{t('notesIntro', { party: me.party?.name ?? me.person.party })}</p>
      {!mayWrite && <p className="muted">{t('notesReadOnly')}</p>}
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
