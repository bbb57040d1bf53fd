import type { MessageKey } from '../../shared/i18n/messages.js';
import { useI18n } from './i18n.js';

/** What the server refused in a room, said in a sentence until the person dismisses it. */
export function RoomNotice({ notice, onDismiss }: { notice: MessageKey | null; onDismiss: () => void }) {
  const { t } = useI18n();
  if (!notice) return null;
  return (
    <div className="banner room-notice" role="alert">
      {t(notice)}{' '}
      <button type="button" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
