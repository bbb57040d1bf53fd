import { useState } from 'react';
import { useI18n } from '../app/i18n.js';

/** A sign-in link to pass on: shown whole (selected on focus) with a button that copies it. */
export function CopyLink({ url, label }: { url: string; label: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="invite-link">
      <p>{label}</p>
      <input readOnly value={url} onFocus={(e) => e.target.select()} aria-label={label} />
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true));
        }}
      >
        {copied ? t('newCopied') : t('newCopy')}
      </button>
    </div>
  );
}
