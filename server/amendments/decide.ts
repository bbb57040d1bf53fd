/**
 * The chair's decisions on amendments, with a brake: accept (as proposed or with changes) and reject with a
 * note, decide single changes, and reopen a decision. Every move asks the lifecycle first (who, from which
 * state, over which objections), then changes the text, then stores and mirrors the amendment and adds the
 * move to its decision history. Refusals are domain errors; nothing is written before the lifecycle agrees.
 */
import { transition, type AmendmentAction } from '../../shared/amendments/lifecycle.js';
import { viewAmendments } from '../../shared/amendments/view.js';
import { proposedChanges, undoChange, withChanges } from '../../shared/amendments/decisions.js';
import { normalizeText } from '../../shared/diff/index.js';
import type { Actor, Amendment, AmendmentView, TextStep } from '../../shared/amendments/types.js';
import { Conflict, Invalid, NotFound } from '../domain/errors.js';
import type { AppContext } from '../context.js';
import type { PersonRecord } from '../people/repository.js';
import { withLiveDoc } from '../documents/live.js';
import { writeRoom } from '../sync/serverWrite.js';
import type { AmendmentsRepository, DecisionRecord } from './repository.js';
import {
  applyToText,
  canRestoreMeasure,
  findMeasure,
  measurePlace,
  measureText,
  restoreMeasure,
  textChild,
  editTo,
  plainText,
} from './liveText.js';
import { mirrorAmendments } from './mirror.js';
import { orRefuse } from './refusals.js';

/** What the decisions need of the amendments service. */
export interface DecisionsHost {
  repo: AmendmentsRepository;
  now(): string;
  /** An amendment the person may see, or `NotFound`. */
  visible(person: PersonRecord, documentId: string, id: string): Amendment;
  /** A measure's live text, or null. */
  liveText(documentId: string, measureId: string): string | null;
}

/** What accepting answers: the amendment, the alternatives it rejected, the measure it changed or made. */
export interface AcceptAnswer {
  amendment: Amendment;
  rejected: Amendment[];
  measureId: string | null;
}

/** The chair's choice on one change: which (its index among the changes on `base`) and the verdict. */
export interface ChangeChoice {
  /** The measure's text the chair saw the changes on; a different live text is a stale choice. */
  base: string;
  index: number;
  verdict: 'accepted' | 'rejected';
  note: string | null;
  confirm: boolean;
}

function actorOf(person: PersonRecord): Actor {
  return { personId: person.id, party: person.party, role: person.role };
}

const clean = (note: string | null | undefined): string | null => note?.trim() || null;

/** Accept, reject, decide per change, reopen. */
export class Decisions {
  constructor(
    private readonly ctx: AppContext,
    private readonly host: DecisionsHost,
  ) {}

  private get repo(): AmendmentsRepository {
    return this.host.repo;
  }

  /** The numbers of the pending amendments to an amendment (decided before it). */
  private openSubAmendments(documentId: string, id: string): string[] {
    return this.repo
      .subAmendments(documentId, id)
      .filter((s) => s.status === 'submitted')
      .map((s) => s.number);
  }

  /** The parent of an amendment to an amendment, still pending, or a conflict saying it was decided. */
  private pendingParent(a: Amendment): Amendment {
    const parent = this.repo.get(a.documentId, a.parent!);
    if (!parent) throw new NotFound('amendment', `Het amendement dat ${a.number} wijzigt bestaat niet meer.`);
    if (parent.status !== 'submitted')
      throw new Conflict(
        `parent ${parent.status}`,
        `Over amendement ${parent.number} is al beslist; ${a.number} kan het niet meer wijzigen.`,
      );
    return parent;
  }

  /**
   * Stores amendments and the moves in their history in one transaction, then mirrors them and tells the
   * domain's listeners of each amendment a move was recorded for (notifications).
   */
  private store(person: PersonRecord, amendments: Amendment[], history: DecisionRecord[]): void {
    const documentId = amendments[0]!.documentId;
    this.repo.transaction(() => {
      for (const a of amendments) this.repo.save(a);
      for (const h of history) this.repo.recordDecision(documentId, h);
    });
    mirrorAmendments(this.ctx.rooms, documentId, person.id, amendments);
    const moved = new Set(history.map((h) => h.amendmentId));
    for (const amendment of amendments)
      if (moved.has(amendment.id))
        this.ctx.events.emit({ kind: 'amendment.decided', amendment, actor: person });
  }

  /** The amendment as a view on the measure as it is now. */
  private viewOf(a: Amendment, current: string | null): AmendmentView {
    return viewAmendments([a], current, null)[0]!;
  }

  /**
   * Accepts an amendment, as proposed or with changes (`text`: the chair's compromise), with a note; when
   * parties object, only with `confirm`. The proposal's words go into the text as a change made for its
   * party (the audit's onBehalfOf), then the compromise's own words as the chair's change: two writes, so
   * the audit credits each word to whoever proposed it. Alternatives of its group are rejected.
   */
  accept(
    person: PersonRecord,
    documentId: string,
    id: string,
    input: { note?: string | null; text?: string; confirm?: boolean },
  ): AcceptAnswer {
    const a = this.host.visible(person, documentId, id);
    const compromise = input.text === undefined ? null : normalizeText(input.text);
    if (compromise !== null && (a.kind === 'delete' || a.parent !== null))
      throw new Invalid(
        a.kind === 'delete'
          ? `Een schrapping wordt aangenomen of verworpen, niet gewijzigd.`
          : `Een amendement op een amendement wordt aangenomen of verworpen, niet gewijzigd.`,
      );
    if (compromise === '') throw new Invalid('Een aangenomen tekst kan niet leeg zijn.');
    const parent = a.parent === null ? null : this.pendingParent(a);
    const current = parent ? parent.text : this.host.liveText(documentId, a.measureId);
    const view = this.viewOf(a, current);
    const action: AmendmentAction = {
      kind: 'accept',
      now: this.host.now(),
      conflict: view.conflict,
      note: clean(input.note),
      compromise,
      confirmed: input.confirm === true,
      openSubAmendments: this.openSubAmendments(documentId, a.id),
    };
    const decided = orRefuse(transition(a, action, actorOf(person)));
    if (parent) return this.acceptSub(person, decided, parent, view);
    if (current === null && a.kind !== 'insert')
      throw new Conflict('measure removed', `De maatregel van ${a.number} bestaat niet meer.`);
    const { steps, measureId } = this.writeAccepted(person, a, view, compromise);
    const next: Amendment = { ...decided, decision: { ...decided.decision!, steps } };
    const rejected = this.rejectAlternatives(person, next);
    this.store(
      person,
      [next, ...rejected],
      [
        {
          amendmentId: a.id,
          move: compromise === null ? 'accept' : 'accept-with-changes',
          note: action.note,
          detail: compromise,
          by: person.id,
          at: action.now,
        },
        ...rejected.map((r) => ({
          amendmentId: r.id,
          move: 'reject',
          note: null,
          detail: `alternatief van ${a.number}`,
          by: person.id,
          at: action.now,
        })),
      ],
    );
    return { amendment: next, rejected, measureId };
  }

  /** The text writes of an accepted amendment (party's words, then the chair's), and what they did. */
  private writeAccepted(
    person: PersonRecord,
    a: Amendment,
    view: AmendmentView,
    compromise: string | null,
  ): { steps: TextStep[]; measureId: string | null } {
    const steps: TextStep[] = [];
    const room = a.documentId;
    // The proposal's words are credited to its party and first author; the chair is recorded as who decided.
    const asParty = { onBehalfOf: a.party, ...(a.authors[0] ? { authorId: a.authors[0] } : {}) };
    switch (a.kind) {
      case 'replace': {
        const before = normalizeText(this.host.liveText(room, a.measureId) ?? '');
        // A conflicting amendment has no clean text of its party's own: the compromise is all the chair's.
        const proposed = view.conflict ? before : normalizeText(view.effectiveText ?? '');
        if (proposed !== before) {
          writeRoom(
            this.ctx.rooms,
            room,
            person.id,
            (doc) => this.replace(doc, a.measureId, proposed),
            asParty,
          );
          steps.push({ kind: 'replace', measureId: a.measureId, before, after: proposed, by: 'party' });
        }
        if (compromise !== null && compromise !== proposed) {
          writeRoom(this.ctx.rooms, room, person.id, (doc) => this.replace(doc, a.measureId, compromise));
          steps.push({
            kind: 'replace',
            measureId: a.measureId,
            before: proposed,
            after: compromise,
            by: 'chair',
          });
        }
        return { steps, measureId: a.measureId };
      }
      case 'insert': {
        const text = normalizeText(a.text ?? '');
        const measureId = writeRoom(
          this.ctx.rooms,
          room,
          person.id,
          (doc) => applyToText(doc, { kind: 'insert', afterMeasureId: a.measureId, text }),
          asParty,
        );
        if (measureId === null)
          throw new Conflict('measure removed', `De maatregel waarna ${a.number} komt bestaat niet meer.`);
        steps.push({ kind: 'insert', measureId, text });
        if (compromise !== null && compromise !== text) {
          writeRoom(this.ctx.rooms, room, person.id, (doc) => this.replace(doc, measureId, compromise));
          steps.push({ kind: 'replace', measureId, before: text, after: compromise, by: 'chair' });
        }
        return { steps, measureId };
      }
      case 'delete': {
        const measureId = writeRoom(
          this.ctx.rooms,
          room,
          person.id,
          (doc) => {
            const place = measurePlace(doc, a.measureId);
            const text = measureText(doc, a.measureId);
            if (!place || text === null) return null;
            steps.push({ kind: 'delete', measureId: a.measureId, text, ...place });
            return applyToText(doc, { kind: 'delete', measureId: a.measureId });
          },
          asParty,
        );
        return { steps, measureId };
      }
    }
  }

  /** Replaces a measure's text by small edits (inside a server write). */
  private replace(doc: Parameters<typeof findMeasure>[0], measureId: string, text: string): string | null {
    const found = findMeasure(doc, measureId);
    if (!found) return null;
    editTo(textChild(found.el), plainText(found.el), text);
    return measureId;
  }

  /** Accepting an amendment to an amendment changes its parent's proposed text, not the measure. */
  private acceptSub(
    person: PersonRecord,
    decided: Amendment,
    parent: Amendment,
    view: AmendmentView,
  ): AcceptAnswer {
    const before = parent.text ?? '';
    const after = normalizeText(view.effectiveText ?? before);
    const next: Amendment = {
      ...decided,
      decision: { ...decided.decision!, steps: [{ kind: 'parent', parentId: parent.id, before, after }] },
    };
    const changedParent: Amendment = {
      ...parent,
      text: after,
      authors: [...new Set([...parent.authors, ...decided.authors])],
    };
    this.store(
      person,
      [next, changedParent],
      [
        {
          amendmentId: next.id,
          move: 'accept',
          note: next.decision!.note,
          detail: null,
          by: person.id,
          at: next.decidedAt!,
        },
      ],
    );
    return { amendment: next, rejected: [], measureId: null };
  }

  /** The pending alternatives of an accepted amendment's group, rejected (with their pending sub-amendments). */
  private rejectAlternatives(person: PersonRecord, accepted: Amendment): Amendment[] {
    if (!accepted.group) return [];
    const now = accepted.decidedAt!;
    const reject = (o: Amendment) =>
      orRefuse(transition(o, { kind: 'reject', now, note: null, openSubAmendments: [] }, actorOf(person)));
    return this.repo
      .list(accepted.documentId, { status: 'submitted', draftsOf: null })
      .filter((o) => o.group === accepted.group && o.id !== accepted.id)
      .flatMap((o) => [
        reject(o),
        ...this.repo
          .subAmendments(o.documentId, o.id)
          .filter((s) => s.status === 'submitted')
          .map(reject),
      ]);
  }

  /** Rejects an amendment with a note (its pending amendments are decided first). */
  reject(person: PersonRecord, documentId: string, id: string, input: { note?: string | null }): Amendment {
    const a = this.host.visible(person, documentId, id);
    const now = this.host.now();
    const note = clean(input.note);
    const next = orRefuse(
      transition(
        a,
        { kind: 'reject', now, note, openSubAmendments: this.openSubAmendments(documentId, a.id) },
        actorOf(person),
      ),
    );
    this.store(
      person,
      [next],
      [{ amendmentId: a.id, move: 'reject', note, detail: null, by: person.id, at: now }],
    );
    return next;
  }

  /**
   * Accepts or rejects one change of an amendment (by its index among the changes it makes to `base`, the
   * text the chair saw); the others stay pending. A live text other than `base` is a stale choice (409).
   * An accepted change goes into the text for the amendment's party; a rejected one leaves the proposal.
   */
  decideChange(person: PersonRecord, documentId: string, id: string, choice: ChangeChoice): Amendment {
    const a = this.host.visible(person, documentId, id);
    const live = this.host.liveText(documentId, a.measureId);
    if (live === null)
      throw new Conflict('measure removed', `De maatregel van ${a.number} bestaat niet meer.`);
    const current = normalizeText(live);
    if (normalizeText(choice.base) !== current)
      throw new Conflict(
        'stale base',
        `De maatregel is gewijzigd sinds u de wijzigingen van ${a.number} bekeek; bekijk ze opnieuw en kies dan.`,
      );
    const view = this.viewOf(a, current);
    const changes = view.conflict ? [] : proposedChanges(current, view.effectiveText ?? '');
    const change = changes[choice.index];
    if (!view.conflict && !change && a.kind === 'replace' && a.parent === null)
      throw new Invalid(`Amendement ${a.number} heeft geen wijziging nummer ${choice.index + 1}.`);
    const rest = changes.filter((_, i) => i !== choice.index);
    const accepted = choice.verdict === 'accepted';
    const after = accepted && change ? withChanges(current, [change]) : current;
    const now = this.host.now();
    const decided = orRefuse(
      transition(
        a,
        {
          kind: 'decide-change',
          now,
          verdict: choice.verdict,
          removed: change?.removed ?? '',
          inserted: change?.insert ?? '',
          note: clean(choice.note),
          conflict: view.conflict,
          confirmed: choice.confirm,
          openSubAmendments: this.openSubAmendments(documentId, a.id),
          text: withChanges(current, accepted ? changes : rest),
          baseText: after,
          remaining: rest.length,
        },
        actorOf(person),
      ),
    );
    let next = decided;
    if (after !== current) {
      writeRoom(this.ctx.rooms, documentId, person.id, (doc) => this.replace(doc, a.measureId, after), {
        onBehalfOf: a.party,
        ...(a.authors[0] ? { authorId: a.authors[0] } : {}),
      });
      const step: TextStep = { kind: 'replace', measureId: a.measureId, before: current, after, by: 'party' };
      next = { ...decided, decision: { ...decided.decision!, steps: [...decided.decision!.steps, step] } };
    }
    const words = `−“${change?.removed ?? ''}” +“${change?.insert ?? ''}”`;
    this.store(
      person,
      [next],
      [
        {
          amendmentId: a.id,
          move: accepted ? 'accept-change' : 'reject-change',
          note: clean(choice.note),
          detail: words,
          by: person.id,
          at: now,
        },
      ],
    );
    return next;
  }

  /**
   * Returns a decided amendment to "submitted" (the chair only) and undoes what its decision did to the
   * text, as a new change attributed to the chair — when nothing built on it since. Otherwise a conflict
   * saying what: a later decision on the same words, or later edits of them.
   */
  reopen(person: PersonRecord, documentId: string, id: string): Amendment {
    const a = this.host.visible(person, documentId, id);
    const reopened = orRefuse(transition(a, { kind: 'reopen' }, actorOf(person)));
    const steps = [...(a.decision?.steps ?? [])].reverse();
    const parent = a.parent === null ? null : this.pendingParent(a);
    const now = this.host.now();
    const built = () => this.builtOn(a);
    // Check every step on the live text first: a refused reopening writes nothing.
    const plan = withLiveDoc(this.ctx.store, this.ctx.rooms, documentId, (doc) => {
      const texts = new Map<string, string | null>();
      const textOf = (measureId: string) =>
        texts.has(measureId) ? texts.get(measureId)! : normalizeMaybe(measureText(doc, measureId));
      let parentText = parent?.text ?? null;
      for (const step of steps) {
        switch (step.kind) {
          case 'replace': {
            const now = textOf(step.measureId);
            const undone = now === null ? null : undoChange(step.before, step.after, now);
            if (undone === null) throw built();
            texts.set(step.measureId, undone);
            break;
          }
          case 'insert':
            if (textOf(step.measureId) !== normalizeText(step.text)) throw built();
            texts.set(step.measureId, null);
            break;
          case 'delete':
            if (!canRestoreMeasure(doc, step)) throw built();
            texts.set(step.measureId, normalizeText(step.text));
            break;
          case 'parent': {
            const undone = parentText === null ? null : undoChange(step.before, step.after, parentText);
            if (undone === null) throw built();
            parentText = undone;
            break;
          }
        }
      }
      return { texts, parentText };
    });
    const measureSteps = steps.filter((s) => s.kind !== 'parent');
    if (measureSteps.length > 0)
      writeRoom(this.ctx.rooms, documentId, person.id, (doc) => {
        for (const step of measureSteps) {
          if (step.kind === 'insert') applyToText(doc, { kind: 'delete', measureId: step.measureId });
          else if (step.kind === 'delete') restoreMeasure(doc, step);
        }
        for (const [measureId, text] of plan.texts) if (text !== null) this.replace(doc, measureId, text);
      });
    const changed: Amendment[] = [reopened];
    if (parent && plan.parentText !== null && plan.parentText !== parent.text)
      changed.push({ ...parent, text: plan.parentText });
    this.store(person, changed, [
      {
        amendmentId: a.id,
        move: 'reopen',
        note: null,
        detail: a.decision?.verdict ?? a.status,
        by: person.id,
        at: now,
      },
    ]);
    return reopened;
  }

  /** The conflict of a reopening that would undo words others built on, naming later decisions. */
  private builtOn(a: Amendment): Conflict {
    const later = this.repo
      .list(a.documentId, { measure: a.measureId, status: 'accepted', draftsOf: null })
      .filter((o) => o.id !== a.id && o.parent === null && (o.decidedAt ?? '') > (a.decidedAt ?? ''))
      .map((o) => o.number);
    const what =
      later.length > 0
        ? `${later.join(', ')} ${later.length === 1 ? 'is' : 'zijn'} daarna aangenomen op dezelfde tekst`
        : 'de tekst is daarna op dezelfde plaats verder gewijzigd';
    return new Conflict(
      'later changes of the measure',
      `Amendement ${a.number} kan niet worden heropend: ${what}; maak die wijzigingen eerst ongedaan.`,
    );
  }
}

function normalizeMaybe(text: string | null): string | null {
  return text === null ? null : normalizeText(text);
}
