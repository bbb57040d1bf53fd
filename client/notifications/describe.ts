import type { MessageKey } from '../../shared/i18n/messages.js';
import type { PersonalNotification } from '../../shared/notifications/types.js';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A notification in one sentence, with the measure's number where it has one. */
export function describeNotification(
  n: PersonalNotification,
  me: { id: string; party: string },
  t: T,
  numberOf: (measureId: string) => string | null,
): string {
  const actor = n.actor?.name ?? '?';
  const party = n.actor?.party ?? '?';
  const subject = n.subject;
  const measureId = subject.kind === 'drafting' ? null : subject.measureId;
  const number = measureId ? numberOf(measureId) : null;
  const where = number ? t('notifyWhere', { number }) : '';
  switch (subject.kind) {
    case 'comment': {
      const values = { actor, party, where, excerpt: subject.excerpt };
      const named = n.targets.some(
        ({ target, reason }) => reason === 'mention' && target.kind === 'person' && target.personId === me.id,
      );
      const sentence =
        n.reason === 'reply'
          ? t('notifyReply', values)
          : named
            ? t('notifyMentionYou', values)
            : t('notifyMentionParty', { ...values, target: `@${me.party}` });
      return subject.audience === 'party'
        ? `${sentence} (${t('notifyPartyThread', { party: n.party ?? '' })})`
        : sentence;
    }
    case 'position':
      return t('notifyPosition', {
        party: subject.party,
        position: t(`pos_${subject.position}` as MessageKey),
        amendment: subject.amendmentNumber,
        where,
      });
    case 'decision':
      return t(subject.status === 'accepted' ? 'notifyAccepted' : 'notifyRejected', {
        amendment: subject.amendmentNumber,
        owner: subject.owner,
        where,
      });
    case 'drafting':
      return t(subject.mode === 'open' ? 'notifyDraftingOpen' : 'notifyDraftingClosed', { actor });
  }
}
