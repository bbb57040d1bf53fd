import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { BoundTextarea } from '../app/BoundTextarea.js';
import { can } from '../../shared/auth/roles.js';
import { measureNoteKey } from '../../shared/notes/measureNotes.js';

/**
 * The party's note on one measure, in the party's own room (no other party's connection receives it): the
 * delegation types in it together, live. Shown in the focus view.
 */
export function MeasureNote({ measureId, number }: { measureId: string; number: string }) {
  const { t } = useI18n();
  const { me, party } = useDocument();
  const mayWrite = can(me.person.role, 'notes.write');
  const name = me.party?.name ?? me.person.party;
  return (
    <section
      className="measure-note"
      aria-label={t('measureNoteHeading', { party: me.person.party, number })}
    >
      {party && (
        <BoundTextarea
          key={measureId}
          ytext={party.doc.getText(measureNoteKey(measureId))}
          label={t('measureNoteHeading', { party: me.person.party, number })}
          className="measure-note-text"
          readOnly={!mayWrite}
          placeholder={t('measureNotePlaceholder')}
        />
      )}
      <p className="muted">{t('measureNoteHint', { party: name })}</p>
      {!mayWrite && <p className="muted">{t('measureNoteReadOnly')}</p>}
    </section>
  );
}
