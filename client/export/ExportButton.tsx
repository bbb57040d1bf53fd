import { useState } from 'react';
import { can } from '../../shared/auth/roles.js';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { ExportDialog } from './ExportDialog.js';

/** The toolbar's "Exporteren" button and its dialog; not shown to roles that may not export (observers). */
export function ExportButton() {
  const { t } = useI18n();
  const { documentId, me } = useDocument();
  const [open, setOpen] = useState(false);
  if (!can(me.person.role, 'export')) return null;
  return (
    <>
      <button type="button" className="export-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('exportButton')}
      </button>
      {open && <ExportDialog documentId={documentId} onClose={() => setOpen(false)} />}
    </>
  );
}
